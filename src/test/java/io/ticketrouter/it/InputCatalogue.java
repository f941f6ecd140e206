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
        c.add(Hostile.json("truncated in a string", "{\"subject\": \"Refund\", \"body\": \"Please refund the sec")
                .expectProblem(400, "malformed-json"));
        c.add(Hostile.json("truncated after a colon", "{\"body\": ").expectProblem(400, "malformed-json"));
        c.add(Hostile.json("missing closing brace", "{\"body\": \"" + valid + "\"")
                .expectProblem(400, "malformed-json"));
        c.add(Hostile.json("trailing garbage", "{\"body\": \"" + valid + "\"} {\"body\": \"again\"}")
                .expectProblem(400, "malformed-json"));
        c.add(Hostile.json("single quotes", "{'body': '" + valid + "'}").expectProblem(400, "malformed-json"));
        c.add(Hostile.json("unquoted key", "{body: \"" + valid + "\"}").expectProblem(400, "malformed-json"));
        c.add(Hostile.json("comment", "{/* hi */ \"body\": \"" + valid + "\"}").expectProblem(400, "malformed-json"));
        c.add(Hostile.json("deeply nested arrays", "[".repeat(20_000) + "]".repeat(20_000))
                .expectProblem(400, "malformed-json"));
        c.add(Hostile.json("deeply nested objects", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000))
                .expectProblem(400, "malformed-json"));
        c.add(Hostile.json("huge exponent", "{\"body\": 1e999999999}").expectProblem(400, "invalid-input"));
        c.add(Hostile.json("duplicate key, second one too short", "{\"body\": \"" + valid + "\", \"body\": \"x\"}")
                .expectProblem(400, "invalid-input"));
        // wrong types
        c.add(Hostile.json("body is a number", "{\"body\": 12345678901234567890}")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.json("body is an array", "{\"body\": [\"" + valid + "\"]}")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.json("body is an object", "{\"body\": {\"text\": \"" + valid + "\"}}")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.json("body is true", "{\"body\": true}").expectProblem(400, "invalid-input"));
        c.add(Hostile.json("subject is an object", "{\"subject\": {}, \"body\": \"" + valid + "\"}")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.json("customer_email is a number", "{\"customer_email\": 7, \"body\": \"" + valid + "\"}")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.json("unknown field", "{\"body\": \"" + valid + "\", \"is_admin\": true}")
                .expectProblem(400, "invalid-input"));
        // length limits
        c.add(Hostile.json("body too short", "{\"body\": \"help\"}").expectProblem(400, "invalid-input"));
        c.add(Hostile.json("body of spaces", "{\"body\": \"" + " ".repeat(200) + "\"}")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.json("body over 10,000 characters", "{\"body\": \"" + "a".repeat(10_001) + "\"}")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.json(
                        "subject over its limit",
                        "{\"subject\": \"" + "s".repeat(5_000) + "\", \"body\": \"" + valid + "\"}")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.json("body over 64 KB", "{\"body\": \"" + "a".repeat(70_000) + "\"}")
                .expectProblem(413, "payload-too-large"));
        c.add(Hostile.raw(
                        "chunked body over 64 KB",
                        "POST /api/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                + "Content-Type: application/json\r\nTransfer-Encoding: chunked",
                        Hostile.chunked(
                                ("{\"body\": \"" + "a".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8)))
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
        c.add(Hostile.post(
                        "script as content type",
                        "/api/tickets",
                        "<script>alert(1)</script>",
                        "{}".getBytes(StandardCharsets.UTF_8))
                .expectProblem(400, "bad-request"));
        c.add(Hostile.raw(
                        "PUT on the collection",
                        "PUT /api/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                + "Content-Type: application/json\r\nContent-Length: 2",
                        "{}".getBytes(StandardCharsets.UTF_8))
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
        c.add(Hostile.get("script as a queue filter", "/api/tickets?queue=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.get("SQL as a reference", "/api/tickets/TR-000001'%20OR%20'1'%3D'1")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.get("SQL as a status filter", "/api/tickets?status=open'%3B%20DROP%20TABLE%20ticket%3B--")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.get("SQL as limit", "/api/tickets?limit=1%3B%20DELETE%20FROM%20ticket")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.get("SQL as before", "/api/tickets?before=TR-1%20UNION%20SELECT%201")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.get("search text over its limit", "/api/tickets?q=" + "x".repeat(300))
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.get("escaped NUL in the search text", "/api/tickets?q=abc%00def")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.get("limit beyond long", "/api/tickets?limit=99999999999999999999999")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.get("needs_review not boolean", "/api/tickets?needs_review=maybe")
                .expectProblem(400, "invalid-input"));
        // path tricks in references
        c.add(Hostile.get("encoded dot-dot in a reference", "/api/tickets/..%2F..%2FWEB-INF%2Fweb.xml")
                .expectProblem(400, "bad-request"));
        c.add(Hostile.get("encoded NUL in a reference", "/api/tickets/TR-000001%00.json")
                .expectParserRefusal());
        c.add(Hostile.get("reference too long", "/api/tickets/TR-" + "9".repeat(40))
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.get("unknown reference", "/api/tickets/TR-999999999999").expectProblem(404, "not-found"));
        c.add(Hostile.get("reference with a semicolon parameter", "/api/tickets/TR-000001;jsessionid=1")
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
        c.add(Hostile.raw("anonymous delete", "DELETE /api/tickets/TR-000001 HTTP/1.1\r\nHost: 127.0.0.1", null)
                .expectProblem(401, "unauthorized"));
        c.add(Hostile.raw(
                        "anonymous plugin reload",
                        "POST /api/plugins/reload HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "Content-Length: 0",
                        null)
                .expectProblem(401, "unauthorized"));
        c.add(Hostile.raw(
                        "anonymous user creation",
                        "POST /api/users HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                + "Content-Type: application/json\r\nContent-Length: 2",
                        "{}".getBytes(StandardCharsets.UTF_8))
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
        c.add(Hostile.raw(
                        "one header of 64 KB",
                        "GET /api/tickets/TR-000001 HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "X-Filler: "
                                + "a".repeat(64 * 1024),
                        null)
                .expectParserRefusal());
        c.add(Hostile.raw(
                        "2,000 headers",
                        "GET /api/tickets/TR-000001 HTTP/1.1\r\nHost: 127.0.0.1" + "\r\nX-H: 1".repeat(2_000),
                        null)
                .expectParserRefusal());
        // lying lengths and slow bodies
        byte[] slow =
                "{\"body\": \"short\", \"subject\": \"sent one byte at a time\"}".getBytes(StandardCharsets.UTF_8);
        c.add(Hostile.slow(
                        "slow body, one byte every 20 ms",
                        "POST /api/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                + "Content-Type: application/json\r\nContent-Length: " + slow.length,
                        slow,
                        20)
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.raw(
                        "negative Content-Length",
                        "POST /api/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                + "Content-Type: application/json\r\nContent-Length: -5",
                        "{}".getBytes(StandardCharsets.UTF_8))
                .expectParserRefusal());
        c.add(Hostile.raw(
                        "bad chunk size",
                        "POST /api/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                + "Content-Type: application/json\r\nTransfer-Encoding: chunked",
                        "zz\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.UTF_8))
                .expectParserRefusal());
        return c;
    }
}
