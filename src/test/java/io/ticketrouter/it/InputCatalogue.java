package io.ticketrouter.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Hostile requests against the API's input handling: bodies that are not a ticket, malformed and oversized JSON,
 * wrong types, invalid UTF-8, wrong content types and methods, script and SQL where only well-formed values are
 * allowed, credentials an attacker might try, oversized headers, lying lengths and slow bodies.
 */
final class InputCatalogue {

    private InputCatalogue() {}

    static List<Hostile> cases() {
        String valid = "Please refund the second payment of my last invoice, it was charged twice.";
        byte[] utf8 = ("{\"body\": \"" + valid + " ").getBytes(StandardCharsets.UTF_8);
        List<Hostile> c = new ArrayList<>();
        // empty and not-an-object bodies
        c.add(Hostile.bytes("empty body", new byte[0]).expectProblem(400, "malformed-json"));
        c.add(Hostile.json("whitespace only", "   \r\n  ").expectProblem(400, "malformed-json"));
        c.add(Hostile.json("empty object", "{}").expectProblem(400, "invalid-input"));
        c.add(Hostile.json("JSON null", "null").expectProblem(400, "invalid-input"));
        c.add(Hostile.json("JSON array", "[\"" + valid + "\"]").expectProblem(400, "invalid-input"));
        c.add(Hostile.json("JSON string", "\"" + valid + "\"").expectProblem(400, "invalid-input"));
        c.add(Hostile.json("JSON number", "42").expectProblem(400, "invalid-input"));
        // truncated and malformed JSON
        addJson(
                c,
                "malformed-json",
                List.of(
                        List.of("truncated in a string", "{\"subject\": \"Refund\", \"body\": \"Please refund the sec"),
                        List.of("truncated after a colon", "{\"body\": "),
                        List.of("missing closing brace", "{\"body\": \"" + valid + "\""),
                        List.of("trailing garbage", "{\"body\": \"" + valid + "\"} {\"body\": \"again\"}"),
                        List.of("single quotes", "{'body': '" + valid + "'}"),
                        List.of("unquoted key", "{body: \"" + valid + "\"}"),
                        List.of("comment", "{/* hi */ \"body\": \"" + valid + "\"}"),
                        List.of("deeply nested arrays", "[".repeat(20_000) + "]".repeat(20_000)),
                        List.of("deeply nested objects", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000))));
        addJson(
                c,
                "invalid-input",
                List.of(
                        List.of("huge exponent", "{\"body\": 1e999999999}"),
                        List.of(
                                "duplicate key, second one too short",
                                "{\"body\": \"" + valid + "\", \"body\": \"x\"}")));
        // wrong types
        addJson(
                c,
                "invalid-input",
                List.of(
                        List.of("body is a number", "{\"body\": 12345678901234567890}"),
                        List.of("body is an array", "{\"body\": [\"" + valid + "\"]}"),
                        List.of("body is an object", "{\"body\": {\"text\": \"" + valid + "\"}}"),
                        List.of("body is true", "{\"body\": true}"),
                        List.of("subject is an object", "{\"subject\": {}, \"body\": \"" + valid + "\"}"),
                        List.of("customer_email is a number", "{\"customer_email\": 7, \"body\": \"" + valid + "\"}"),
                        List.of("unknown field", "{\"body\": \"" + valid + "\", \"is_admin\": true}")));
        // length limits
        addJson(
                c,
                "invalid-input",
                List.of(
                        List.of("body too short", "{\"body\": \"help\"}"),
                        List.of("body of spaces", "{\"body\": \"" + " ".repeat(200) + "\"}"),
                        List.of("body over 10,000 characters", "{\"body\": \"" + "a".repeat(10_001) + "\"}"),
                        List.of(
                                "subject over its limit",
                                "{\"subject\": \"" + "s".repeat(5_000) + "\", \"body\": \"" + valid + "\"}")));
        c.add(Hostile.json("body over 64 KB", "{\"body\": \"" + "a".repeat(70_000) + "\"}")
                .expectProblem(413, "payload-too-large"));
        c.add(Hostile.ticketPost(
                        "chunked body over 64 KB",
                        Hostile.chunked(
                                ("{\"body\": \"" + "a".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8)),
                        CHUNKED)
                .expectProblem(411, "length-required")
                .closing());
        // control characters and invalid UTF-8
        c.add(Hostile.json("escaped NUL in body", "{\"body\": \"" + valid + " \\u0000 end\"}")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.json(
                        "escaped bell and escape in subject",
                        "{\"subject\": \"a\\u0007\\u001b[31m\", \"body\": \"" + valid + "\"}")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.json("raw control character in a string", "{\"body\": \"" + valid + " \u0001 end\"}")
                .expectProblem(400, "malformed-json"));
        c.add(Hostile.json("lone surrogate", "{\"body\": \"" + valid + " \\ud800 end\"}")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.bytes(
                        "invalid UTF-8 byte", Hostile.concat(utf8, new byte[] {(byte) 0xC3, 0x28}, "\"}".getBytes()))
                .expectProblem(400, "malformed-json"));
        c.add(Hostile.bytes(
                        "overlong UTF-8 slash",
                        Hostile.concat(utf8, new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"}".getBytes()))
                .expectProblem(400, "malformed-json"));
        c.add(Hostile.bytes(
                        "UTF-8 encoded surrogate",
                        Hostile.concat(utf8, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}".getBytes()))
                .expectProblem(400, "malformed-json"));
        c.add(Hostile.bytes(
                        "truncated UTF-8 sequence at the end",
                        Hostile.concat(utf8, new byte[] {(byte) 0xE2, (byte) 0x82}))
                .expectProblem(400, "malformed-json"));
        c.add(Hostile.bytes("binary garbage", Hostile.concat(new byte[] {0, 1, 2, (byte) 0xFF, (byte) 0xFE}, utf8))
                .expectProblem(400, "malformed-json"));
        // content types and methods
        c.add(Hostile.post("text/plain", "/api/tickets", "text/plain", valid.getBytes(StandardCharsets.UTF_8))
                .expectProblem(415, "unsupported-media-type"));
        c.add(Hostile.post(
                        "form encoded",
                        "/api/tickets",
                        "application/x-www-form-urlencoded",
                        ("body=" + valid).getBytes(StandardCharsets.UTF_8))
                .expectProblem(415, "unsupported-media-type"));
        c.add(Hostile.post("script as content type", "/api/tickets", "<script>alert(1)</script>", EMPTY_OBJECT)
                .expectProblem(400, "bad-request"));
        c.add(Hostile.send("PUT on the collection", "PUT", "/api/tickets", "application/json", EMPTY_OBJECT)
                .expectProblem(405, "method-not-allowed"));
        // script payloads and SQL-looking text where only well-formed values are allowed
        c.add(Hostile.json(
                        "script as customer_email",
                        "{\"customer_email\": \"<script>alert(1)</script>\", \"body\": \"" + valid + "\"}")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.get("script as a reference", "/api/tickets/%3Cscript%3Ealert(1)%3C!script%3E")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.get(
                        "script with an encoded slash as a reference",
                        "/api/tickets/%3Cscript%3Ealert(1)%3C%2Fscript%3E")
                .expectProblem(400, "bad-request"));
        // {name, path}: invalid input in a reference or a filter
        for (List<String> get : List.of(
                List.of("script as a queue filter", "/api/tickets?queue=%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
                List.of("SQL as a reference", "/api/tickets/TR-000001'%20OR%20'1'%3D'1"),
                List.of("SQL as a status filter", "/api/tickets?status=open'%3B%20DROP%20TABLE%20ticket%3B--"),
                List.of("SQL as limit", "/api/tickets?limit=1%3B%20DELETE%20FROM%20ticket"),
                List.of("SQL as before", "/api/tickets?before=TR-1%20UNION%20SELECT%201"),
                List.of("search text over its limit", "/api/tickets?q=" + "x".repeat(300)),
                List.of("escaped NUL in the search text", "/api/tickets?q=abc%00def"),
                List.of("limit beyond long", "/api/tickets?limit=99999999999999999999999"),
                List.of("needs_review not boolean", "/api/tickets?needs_review=maybe"),
                List.of("SQL as a delivery state", "/api/webhooks/deliveries?state=failed'%20OR%20'1'%3D'1"),
                List.of("delivery cursor not a number", "/api/webhooks/deliveries?before=1%3B%20DELETE"),
                List.of("delivery cursor negative", "/api/webhooks/deliveries?before=-5"),
                List.of("delivery limit of 0", "/api/webhooks/deliveries?limit=0"),
                List.of("delivery limit beyond its maximum", "/api/webhooks/deliveries?limit=100000"))) {
            c.add(Hostile.get(get.get(0), get.get(1)).expectProblem(400, "invalid-input"));
        }
        // path tricks in references
        c.add(Hostile.get("encoded dot-dot in a reference", "/api/tickets/..%2F..%2FWEB-INF%2Fweb.xml")
                .expectProblem(400, "bad-request"));
        c.add(Hostile.get("encoded NUL in a reference", "/api/tickets/TR-000001%00.json")
                .expectParserRefusal());
        c.add(Hostile.get("reference too long", "/api/tickets/TR-" + "9".repeat(40))
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.get("unknown reference", "/api/tickets/TR-999999999999").expectProblem(404, "not-found"));
        // the container drops a path parameter such as ;jsessionid before the API sees the reference (a number no
        // ticket has, whatever the run stored)
        c.add(Hostile.get("reference with a semicolon parameter", "/api/tickets/TR-999999999998;jsessionid=1")
                .expectProblem(404, "not-found"));
        // credentials an attacker might try
        c.add(Hostile.getWith("no credentials", "/api/tickets", "X-Nothing: 1").expectProblem(401, "unauthorized"));
        c.add(Hostile.getWith("Basic that is not Base64", "/api/tickets", "Authorization: Basic %%%not-base64%%%")
                .expectProblem(401, "unauthorized"));
        c.add(Hostile.getWith(
                        "Basic without a colon",
                        "/api/tickets",
                        "Authorization: Basic "
                                + java.util.Base64.getEncoder()
                                        .encodeToString("admin".getBytes(StandardCharsets.UTF_8)))
                .expectProblem(401, "unauthorized"));
        c.add(Hostile.getWith(
                        "Basic with SQL as the user",
                        "/api/tickets",
                        "Authorization: " + Credentials.basic("admin' OR '1'='1", "x"))
                .expectProblem(401, "unauthorized"));
        c.add(Hostile.getWith(
                        "Basic with a 4 KB password",
                        "/api/tickets",
                        "Authorization: " + Credentials.basic("admin", "p".repeat(4_000)))
                .expectProblem(401, "unauthorized"));
        c.add(Hostile.getWith("unknown Authorization scheme", "/api/tickets", "Authorization: Digest username=admin")
                .expectProblem(401, "unauthorized"));
        c.add(Hostile.getWith("forged Bearer token", "/api/tickets", "Authorization: Bearer " + "A".repeat(43))
                .expectProblem(401, "unauthorized"));
        c.add(Hostile.getWith("forged session cookie", "/api/tickets", "Cookie: TR_SESSION=" + "B".repeat(43))
                .expectProblem(401, "unauthorized"));
        c.add(Hostile.getWith("session cookie of 4 KB", "/api/tickets", "Cookie: TR_SESSION=" + "C".repeat(4_000))
                .expectProblem(401, "unauthorized"));
        c.add(Hostile.bare("anonymous delete", "DELETE /api/tickets/TR-000001 HTTP/1.1")
                .expectProblem(401, "unauthorized"));
        c.add(Hostile.emptyPost("anonymous plugin reload", "/api/plugins/reload")
                .expectProblem(401, "unauthorized"));
        c.add(Hostile.post("anonymous user creation", "/api/users", "application/json", EMPTY_OBJECT)
                .expectProblem(401, "unauthorized"));
        c.add(Hostile.adminEmptyPost(
                        "retry of a delivery id that is not a number", "/api/webhooks/deliveries/1%20OR%201=1/retry")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.adminEmptyPost("retry of an unknown delivery", "/api/webhooks/deliveries/999999999999/retry")
                .expectProblem(404, "not-found"));
        c.add(Hostile.emptyPost("anonymous retry of every failed delivery", "/api/webhooks/deliveries/retry")
                .expectProblem(401, "unauthorized"));
        c.add(Hostile.getWith(
                        "status lookup with a wrong token",
                        "/api/tickets/TR-000001/status",
                        "X-Status-Token: " + "D".repeat(22))
                .expectProblem(404, "not-found"));
        c.add(Hostile.getWith(
                        "status lookup with a 4 KB token",
                        "/api/tickets/TR-000001/status",
                        "X-Status-Token: " + "E".repeat(4_000))
                .expectProblem(404, "not-found"));
        // oversized headers
        c.add(Hostile.bare(
                        "one header of 64 KB",
                        "GET /api/tickets/TR-000001 HTTP/1.1",
                        "X-Filler: " + "a".repeat(64 * 1024))
                .expectParserRefusal());
        c.add(Hostile.bare(
                        "2,000 headers",
                        "GET /api/tickets/TR-000001 HTTP/1.1",
                        java.util.Collections.nCopies(2_000, "X-H: 1").toArray(String[]::new))
                .expectParserRefusal());
        // lying lengths and slow bodies
        byte[] slow =
                "{\"body\": \"short\", \"subject\": \"sent one byte at a time\"}".getBytes(StandardCharsets.UTF_8);
        c.add(Hostile.bytes("slow body, one byte every 20 ms", slow)
                .sentSlowly(20)
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.ticketPost("negative Content-Length", EMPTY_OBJECT, "Content-Length: -5")
                .expectParserRefusal());
        c.add(Hostile.ticketPost("bad chunk size", "zz\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.UTF_8), CHUNKED)
                .expectParserRefusal());
        return c;
    }

    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);
    private static final String CHUNKED = "Transfer-Encoding: chunked";

    /** Each {name, JSON} posted as a ticket must get a 400 problem of this type. */
    private static void addJson(List<Hostile> c, String problemType, List<List<String>> cases) {
        for (List<String> e : cases) {
            c.add(Hostile.json(e.get(0), e.get(1)).expectProblem(400, problemType));
        }
    }
}
