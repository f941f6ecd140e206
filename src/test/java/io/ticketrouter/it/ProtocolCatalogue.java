package io.ticketrouter.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Hostile requests against the HTTP layer, over raw sockets: ambiguous framing (request smuggling), lengths no body
 * can have, character sets nobody can serve, paths that could be read as another path after decoding, the
 * management endpoints without the right role, and the container's own error answers (ranges, WebSocket versions,
 * expectations) that must be problem documents too.
 */
final class ProtocolCatalogue {

    private ProtocolCatalogue() {}

    private static final byte[] EMPTY_CHUNKED = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** What a smuggler puts behind the body its front end sees: it must never be answered. */
    private static final byte[] SMUGGLED =
            "GET /api/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    static List<Hostile> cases() {
        List<Hostile> c = new ArrayList<>();
        byte[] ticket = "{\"body\": \"The printer on the second floor prints only empty pages since Monday.\"}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] smuggledBehindTicket = Hostile.concat(Hostile.chunked(ticket), SMUGGLED);
        byte[] smuggledBehindNothing = Hostile.concat(EMPTY_CHUNKED, SMUGGLED);
        // framing: one body, one length (RFC 9112, section 6)
        // a chunked body is refused, with a length or without: 411, the connection closed
        for (Hostile chunked : List.of(
                Hostile.ticketPost(
                        "Content-Length and chunked, smuggled request behind",
                        smuggledBehindTicket,
                        "Content-Length: " + ticket.length,
                        "Transfer-Encoding: chunked"),
                Hostile.ticketPost("chunked alone", smuggledBehindTicket, "Transfer-Encoding: chunked"),
                Hostile.ticketPost(
                        "chunked in capitals with spaces", Hostile.chunked(ticket), "Transfer-Encoding:  CHUNKED "))) {
            c.add(chunked.expectProblem(411, "length-required").closing());
        }
        c.add(Hostile.ticketPost(
                        "chunked before Content-Length", smuggledBehindNothing, "Transfer-Encoding: chunked", LENGTH_0)
                .expectParserRefusal());
        c.add(Hostile.request(
                        "Content-Length and chunked on a GET",
                        smuggledBehindNothing,
                        "GET /api HTTP/1.1",
                        "Content-Length: 5",
                        "Transfer-Encoding: chunked")
                .expectParserRefusal());
        for (List<String> te : List.of(
                List.of("Transfer-Encoding gzip", "Transfer-Encoding: gzip"),
                List.of("Transfer-Encoding chunked, chunked", "Transfer-Encoding: chunked, chunked"),
                List.of("two Transfer-Encoding headers", "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked"))) {
            c.add(Hostile.ticketPost(te.get(0), EMPTY_CHUNKED, te.get(1))
                    .expectProblem(400, "bad-request")
                    .closing());
        }
        c.add(Hostile.ticketPost(
                        "two different Content-Lengths", ascii("{}x"), "Content-Length: 2", "Content-Length: 3")
                .expectParserRefusal());
        c.add(Hostile.ticketPost("two equal Content-Lengths", ascii("{}"), "Content-Length: 2", "Content-Length: 2")
                .expectProblem(400, "bad-request")
                .closing());
        c.add(Hostile.ticketPost("Content-Length with a plus sign", ascii("{}"), "Content-Length: +2")
                .expectParserRefusal());
        c.add(Hostile.ticketPost("Content-Length of 20 digits", ascii("{}"), "Content-Length: 99999999999999999999")
                .expectParserRefusal());
        // lengths no accepted body can have: refused before reading, the connection closed
        for (Hostile tooLong : List.of(
                Hostile.ticketPost("Content-Length 2147483648", ascii("{}"), "Content-Length: 2147483648"),
                Hostile.ticketPost(
                        "Content-Length 9223372036854775807", ascii("{}"), "Content-Length: 9223372036854775807"),
                Hostile.ticketPost("Content-Length 70000, nothing sent", null, "Content-Length: 70000"),
                Hostile.request(
                        "Content-Length 1 GB on the sign-in",
                        ascii("{\"username\": \"adm"),
                        SIGN_IN,
                        JSON,
                        "Content-Length: 1073741824"))) {
            c.add(tooLong.expectProblem(413, "payload-too-large").closing());
        }
        c.add(Hostile.ticketPost("body announced, never sent", ascii("{\"body\": "), "Content-Length: 100")
                .expectProblem(408, "request-timeout"));
        // refused by the guard (a problem document) or, when the body arrives with the headers, by Payara's own
        // expectation check first (an empty 417): the status and the closed connection are the same
        c.add(Hostile.ticketPost(
                        "Expect other than 100-continue", ticket, "Expect: 200-ok", "Content-Length: " + ticket.length)
                .expect(417)
                .closing());
        // HTTP/2 is not offered: an h2c upgrade is answered in HTTP/1.1
        c.add(Hostile.bare("Upgrade h2c", "GET /api HTTP/1.1", "Accept: application/json", H2C_UPGRADE)
                .expect(200));
        // with a body (Java's HttpClient on http://) the container would never deliver it: refused at once (the
        // container drops Content-Type from answers to upgrade requests, as for the WebSocket refusals below)
        c.add(Hostile.ticketPost("Upgrade h2c with a body", ticket, H2C_UPGRADE, "Content-Length: " + ticket.length)
                .expect(400)
                .closing());
        c.add(Hostile.raw("HTTP/2 prior knowledge preface", "PRI * HTTP/2.0", ascii("SM\r\n\r\n"))
                .expectProblem(405, "method-not-allowed"));
        // character sets
        // a charset nobody can serve in Accept: 406
        for (Hostile unservable : List.of(
                Hostile.bare(
                        "Accept with an unknown charset",
                        "GET /api HTTP/1.1",
                        "Accept: application/json; charset=x-garbage"),
                Hostile.bare(
                        "Accept with an illegal charset name",
                        "GET /api HTTP/1.1",
                        "Accept: application/json; charset=@@@"),
                Hostile.ticketPost(
                        "Accept with an unknown charset on a ticket",
                        ticket,
                        "Accept: application/json;charset=x-garbage",
                        "Content-Length: " + ticket.length),
                Hostile.request(
                        "Accept with an unknown charset on the sign-in",
                        ascii("{}"),
                        SIGN_IN,
                        "Accept: */*; charset=x-garbage",
                        JSON,
                        "Content-Length: 2"))) {
            c.add(unservable.expectProblem(406, "not-acceptable"));
        }
        c.add(Hostile.request(
                        "Content-Type with an unknown charset",
                        ticket,
                        "POST /api/tickets HTTP/1.1",
                        "Content-Type: application/json; charset=x-garbage",
                        "Content-Length: " + ticket.length)
                .expectProblem(415, "unsupported-media-type"));
        c.add(Hostile.bare("Accept in quoted UTF-8", "GET /api HTTP/1.1", "Accept: application/json; charset=\"UTF-8\"")
                .expect(200));
        // paths that could mean two things: refused, whatever they would have reached
        for (String path : List.of(
                "/health/..%2fmetrics",
                "/api/%2e%2e/metrics",
                "/css/%2e%2e/metrics",
                "/api/%2E%2E/openapi",
                "/agent/%2e%2e/api/tickets",
                "/api%2ftickets",
                "/%252e%252e/metrics",
                "/api/..;/metrics",
                "/api;x=1/tickets",
                "/metrics;",
                "/api/../metrics",
                "/api/./tickets",
                "/agent/./index.html",
                "/api//tickets",
                "//metrics",
                "/ws/%2e%2e/metrics",
                "/api/%2e./metrics",
                "/api/.%2E/openapi",
                "/api/x%0d%0aSet-Cookie:%20a=b",
                "/api/x%7f",
                "/api/x%3bjsessionid=1",
                "/api/%09/metrics")) {
            c.add(Hostile.bare("path " + path, get(path), "Accept: application/json")
                    .expectProblem(400, "bad-request"));
        }
        for (String path : List.of("/api/tickets%00", "/api\\..\\metrics", "/api%5c..%5cmetrics", "/%2e%2e/metrics")) {
            c.add(Hostile.bare("path " + path, get(path)).expectParserRefusal());
        }
        c.add(Hostile.bare("path with overlong UTF-8 dots", get("/api/%c0%ae%c0%ae/metrics"))
                .expectParserRefusal());
        // a malformed escape is answered by Payara before the application, with an empty 200; what counts is no
        // 5xx and no stack trace in the log (the container logs one; the log guard makes it one line)
        c.add(Hostile.bare("path with a malformed escape", get("/api/%zz")).expect(200));
        c.add(Hostile.bare("OPTIONS *", "OPTIONS * HTTP/1.1").expectProblem(400, "bad-request"));
        // the management endpoints need an admin, in every spelling that reaches them
        for (String path : List.of(
                "/metrics",
                "/metrics/",
                "/metrics/base",
                "/metrics/application",
                "/metrics?scope=vendor",
                "/openapi",
                "/openapi/",
                "/openapi?format=JSON")) {
            c.add(Hostile.bare("anonymous " + path, get(path)).expectProblem(401, "unauthorized"));
        }
        for (String path : List.of("/%6Detrics", "/%6detrics/base", "/metric%73", "/op%65napi", "/%6Fpenapi/")) {
            c.add(Hostile.bare("anonymous " + path + ", letters encoded", get(path))
                    .expectProblem(401, "unauthorized"));
        }
        c.add(Hostile.bare("anonymous /metrics, absolute form", get("http://127.0.0.1/metrics"))
                .expectProblem(401, "unauthorized"));
        c.add(Hostile.bare("anonymous /metrics as JSON", get("/metrics"), "Accept: application/json")
                .expectProblem(401, "unauthorized"));
        c.add(Hostile.bare("anonymous /openapi from a browser", get("/openapi"), BROWSER_ACCEPT)
                .expectProblem(401, "unauthorized"));
        c.add(Hostile.get("admin /metrics as JSON", "/metrics").expectProblem(406, "not-acceptable"));
        c.add(Hostile.bare("admin /openapi from a browser", get("/openapi"), BROWSER_ACCEPT, ADMIN)
                .expect(200));
        // the container's own refusals answer problem documents (a refused WebSocket upgrade's answer carries one
        // too, but the container sends it without its Content-Type: only the status is checked)
        c.add(Hostile.bare("Range beyond a static file", get("/css/app.css"), "Range: bytes=99999999-")
                .expectProblem(416, "range-not-satisfiable"));
        c.add(webSocket("WebSocket version 99", WEBSOCKET_KEY, "Sec-WebSocket-Version: 99")
                .expect(426));
        c.add(webSocket("WebSocket without a version", WEBSOCKET_KEY).expect(426));
        c.add(Hostile.bare("TRACE", "TRACE /api HTTP/1.1").expect(405));
        c.add(Hostile.bare("PROPFIND", "PROPFIND / HTTP/1.1").expectProblem(405, "method-not-allowed"));
        c.add(Hostile.bare("MKCOL on a page", "MKCOL /agent/x HTTP/1.1").expectProblem(405, "method-not-allowed"));
        c.add(webSocket(
                        "WebSocket with a key that is not 16 bytes",
                        "Sec-WebSocket-Key: !!!",
                        "Sec-WebSocket-Version: 13")
                .expect(400)
                .closing());
        c.add(webSocket("WebSocket without a key", "Sec-WebSocket-Version: 13")
                .expect(400)
                .closing());
        c.add(Hostile.request(
                        "Content-Length with leading zeros",
                        ascii("{}"),
                        SIGN_IN,
                        JSON,
                        "Content-Length: 0000000000000000000002")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.bare("unknown method", "FOO /api HTTP/1.1", "Accept: application/json")
                .expectProblem(405, "method-not-allowed"));
        c.add(Hostile.bare("request line of 20 KB", get("/api/" + "a".repeat(20_000)))
                .expectParserRefusal());
        return c;
    }

    // ----------------------------------------------------------------------------- building requests

    private static final String JSON = "Content-Type: application/json";
    private static final String LENGTH_0 = "Content-Length: 0";
    private static final String SIGN_IN = "POST /api/session HTTP/1.1";
    private static final String ADMIN = "Authorization: " + Credentials.ADMIN_BASIC;
    private static final String BROWSER_ACCEPT = "Accept: text/html,application/xhtml+xml,*/*;q=0.8";
    private static final String H2C_UPGRADE =
            "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA";
    private static final String WEBSOCKET_KEY = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==";

    /** The request line of a GET of this path (or absolute URL). */
    private static String get(String path) {
        return "GET " + path + " HTTP/1.1";
    }

    /** The admin's WebSocket upgrade of {@code /ws/tickets} with these handshake header lines. */
    private static Hostile webSocket(String name, String... handshake) {
        String[] all = new String[handshake.length + 3];
        all[0] = ADMIN;
        all[1] = "Upgrade: websocket";
        all[2] = "Connection: Upgrade";
        System.arraycopy(handshake, 0, all, 3, handshake.length);
        return Hostile.bare(name, get("/ws/tickets"), all);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
