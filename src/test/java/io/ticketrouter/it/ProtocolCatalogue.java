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

    private static final String HOST = "Host: 127.0.0.1\r\n";
    private static final byte[] EMPTY_CHUNKED = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** What a smuggler puts behind the body its front end sees: it must never be answered. */
    private static final byte[] SMUGGLED =
            "GET /api/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    static List<Hostile> cases() {
        List<Hostile> c = new ArrayList<>();
        String post = "POST /api/tickets HTTP/1.1\r\n" + HOST + "Content-Type: application/json\r\n";
        byte[] ticket = "{\"body\": \"The printer on the second floor prints only empty pages since Monday.\"}"
                .getBytes(StandardCharsets.UTF_8);
        // framing: one body, one length (RFC 9112, section 6)
        c.add(Hostile.raw(
                        "Content-Length and chunked, smuggled request behind",
                        post + "Content-Length: " + ticket.length + "\r\nTransfer-Encoding: chunked",
                        Hostile.concat(Hostile.chunked(ticket), SMUGGLED))
                .expectProblem(411, "length-required")
                .closing());
        c.add(Hostile.raw(
                        "chunked alone",
                        post + "Transfer-Encoding: chunked",
                        Hostile.concat(Hostile.chunked(ticket), SMUGGLED))
                .expectProblem(411, "length-required")
                .closing());
        c.add(Hostile.raw(
                        "chunked in capitals with spaces",
                        post + "Transfer-Encoding:  CHUNKED ",
                        Hostile.chunked(ticket))
                .expectProblem(411, "length-required")
                .closing());
        c.add(Hostile.raw(
                        "chunked before Content-Length",
                        post + "Transfer-Encoding: chunked\r\nContent-Length: 0",
                        Hostile.concat(EMPTY_CHUNKED, SMUGGLED))
                .expectParserRefusal());
        c.add(Hostile.raw(
                        "Content-Length and chunked on a GET",
                        "GET /api HTTP/1.1\r\n" + HOST + "Content-Length: 5" + "\r\nTransfer-Encoding: chunked",
                        Hostile.concat(EMPTY_CHUNKED, SMUGGLED))
                .expectParserRefusal());
        c.add(Hostile.raw("Transfer-Encoding gzip", post + "Transfer-Encoding: gzip", EMPTY_CHUNKED)
                .expectProblem(400, "bad-request")
                .closing());
        c.add(Hostile.raw(
                        "Transfer-Encoding chunked, chunked",
                        post + "Transfer-Encoding: chunked, chunked",
                        EMPTY_CHUNKED)
                .expectProblem(400, "bad-request")
                .closing());
        c.add(Hostile.raw(
                        "two Transfer-Encoding headers",
                        post + "Transfer-Encoding: chunked\r\n" + "Transfer-Encoding: chunked",
                        EMPTY_CHUNKED)
                .expectProblem(400, "bad-request")
                .closing());
        c.add(Hostile.raw(
                        "two different Content-Lengths",
                        post + "Content-Length: 2\r\nContent-Length: 3",
                        "{}x".getBytes(StandardCharsets.US_ASCII))
                .expectParserRefusal());
        c.add(Hostile.raw(
                        "two equal Content-Lengths",
                        post + "Content-Length: 2\r\nContent-Length: 2",
                        "{}".getBytes(StandardCharsets.US_ASCII))
                .expectProblem(400, "bad-request")
                .closing());
        c.add(Hostile.raw(
                        "Content-Length with a plus sign",
                        post + "Content-Length: +2",
                        "{}".getBytes(StandardCharsets.US_ASCII))
                .expectParserRefusal());
        c.add(Hostile.raw(
                        "Content-Length of 20 digits",
                        post + "Content-Length: 99999999999999999999",
                        "{}".getBytes(StandardCharsets.US_ASCII))
                .expectParserRefusal());
        // lengths no accepted body can have: refused before reading, the connection closed
        c.add(Hostile.raw(
                        "Content-Length 2147483648",
                        post + "Content-Length: 2147483648",
                        "{}".getBytes(StandardCharsets.US_ASCII))
                .expectProblem(413, "payload-too-large")
                .closing());
        c.add(Hostile.raw(
                        "Content-Length 9223372036854775807",
                        post + "Content-Length: 9223372036854775807",
                        "{}".getBytes(StandardCharsets.US_ASCII))
                .expectProblem(413, "payload-too-large")
                .closing());
        c.add(Hostile.raw("Content-Length 70000, nothing sent", post + "Content-Length: 70000", null)
                .expectProblem(413, "payload-too-large")
                .closing());
        c.add(Hostile.raw(
                        "Content-Length 1 GB on the sign-in",
                        "POST /api/session HTTP/1.1\r\n" + HOST
                                + "Content-Type: application/json\r\nContent-Length: 1073741824",
                        "{\"username\": \"adm".getBytes(StandardCharsets.US_ASCII))
                .expectProblem(413, "payload-too-large")
                .closing());
        c.add(Hostile.raw(
                        "body announced, never sent",
                        post + "Content-Length: 100",
                        "{\"body\": ".getBytes(StandardCharsets.US_ASCII))
                .expectProblem(408, "request-timeout"));
        // refused by the guard (a problem document) or, when the body arrives with the headers, by Payara's own
        // expectation check first (an empty 417): the status and the closed connection are the same
        c.add(Hostile.raw(
                        "Expect other than 100-continue",
                        post + "Expect: 200-ok\r\nContent-Length: " + ticket.length,
                        ticket)
                .expect(417)
                .closing());
        // HTTP/2 is not offered: an h2c upgrade is answered in HTTP/1.1
        c.add(Hostile.raw(
                        "Upgrade h2c",
                        "GET /api HTTP/1.1\r\n" + HOST + "Accept: application/json\r\n"
                                + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA",
                        null)
                .expect(200));
        // with a body (Java's HttpClient on http://) the container would never deliver it: refused at once (the
        // container drops Content-Type from answers to upgrade requests, as for the WebSocket refusals below)
        c.add(Hostile.raw(
                        "Upgrade h2c with a body",
                        post + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                                + "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\nContent-Length: " + ticket.length,
                        ticket)
                .expect(400)
                .closing());
        c.add(Hostile.raw(
                        "HTTP/2 prior knowledge preface",
                        "PRI * HTTP/2.0",
                        "SM\r\n\r\n".getBytes(StandardCharsets.US_ASCII))
                .expectProblem(405, "method-not-allowed"));
        // character sets
        c.add(Hostile.raw(
                        "Accept with an unknown charset",
                        "GET /api HTTP/1.1\r\n" + HOST + "Accept: application/json; charset=x-garbage",
                        null)
                .expectProblem(406, "not-acceptable"));
        c.add(Hostile.raw(
                        "Accept with an illegal charset name",
                        "GET /api HTTP/1.1\r\n" + HOST + "Accept: application/json; charset=@@@",
                        null)
                .expectProblem(406, "not-acceptable"));
        c.add(Hostile.raw(
                        "Accept with an unknown charset on a ticket",
                        post + "Accept: application/json;" + "charset=x-garbage\r\nContent-Length: " + ticket.length,
                        ticket)
                .expectProblem(406, "not-acceptable"));
        c.add(Hostile.raw(
                        "Accept with an unknown charset on the sign-in",
                        "POST /api/session HTTP/1.1\r\n" + HOST
                                + "Accept: */*; charset=x-garbage\r\nContent-Type: application/json\r\nContent-Length: 2",
                        "{}".getBytes(StandardCharsets.US_ASCII))
                .expectProblem(406, "not-acceptable"));
        c.add(Hostile.raw(
                        "Content-Type with an unknown charset",
                        "POST /api/tickets HTTP/1.1\r\n" + HOST
                                + "Content-Type: application/json; "
                                + "charset=x-garbage\r\nContent-Length: " + ticket.length,
                        ticket)
                .expectProblem(415, "unsupported-media-type"));
        c.add(Hostile.raw(
                        "Accept in quoted UTF-8",
                        "GET /api HTTP/1.1\r\n" + HOST + "Accept: application/json; charset=\"UTF-8\"",
                        null)
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
                "/ws/%2e%2e/metrics")) {
            c.add(Hostile.raw("path " + path, "GET " + path + " HTTP/1.1\r\n" + HOST + "Accept: application/json", null)
                    .expectProblem(400, "bad-request"));
        }
        for (String path : List.of("/api/tickets%00", "/api\\..\\metrics", "/api%5c..%5cmetrics", "/%2e%2e/metrics")) {
            c.add(Hostile.raw("path " + path, "GET " + path + " HTTP/1.1\r\n" + HOST.strip(), null)
                    .expectParserRefusal());
        }
        for (String path : List.of(
                "/api/%2e./metrics",
                "/api/.%2E/openapi",
                "/api/x%0d%0aSet-Cookie:%20a=b",
                "/api/x%7f",
                "/api/x%3bjsessionid=1",
                "/api/%09/metrics")) {
            c.add(Hostile.raw("path " + path, "GET " + path + " HTTP/1.1\r\n" + HOST + "Accept: application/json", null)
                    .expectProblem(400, "bad-request"));
        }
        c.add(Hostile.raw(
                        "path with overlong UTF-8 dots",
                        "GET /api/%c0%ae%c0%ae/metrics HTTP/1.1\r\n" + HOST.strip(),
                        null)
                .expectParserRefusal());
        // a malformed escape is answered by Payara before the application, with an empty 200; what counts is no
        // 5xx and no stack trace in the log (the container logs one; the log guard makes it one line)
        c.add(Hostile.raw("path with a malformed escape", "GET /api/%zz HTTP/1.1\r\n" + HOST.strip(), null)
                .expect(200));
        c.add(Hostile.raw("OPTIONS *", "OPTIONS * HTTP/1.1\r\n" + HOST.strip(), null)
                .expectProblem(400, "bad-request"));
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
            c.add(Hostile.raw("anonymous " + path, "GET " + path + " HTTP/1.1\r\n" + HOST.strip(), null)
                    .expectProblem(401, "unauthorized"));
        }
        for (String path : List.of("/%6Detrics", "/%6detrics/base", "/metric%73", "/op%65napi", "/%6Fpenapi/")) {
            c.add(Hostile.raw(
                            "anonymous " + path + ", letters encoded",
                            "GET " + path + " HTTP/1.1\r\n" + HOST.strip(),
                            null)
                    .expectProblem(401, "unauthorized"));
        }
        c.add(Hostile.raw(
                        "anonymous /metrics, absolute form",
                        "GET http://127.0.0.1/metrics HTTP/1.1\r\n" + HOST.strip(),
                        null)
                .expectProblem(401, "unauthorized"));
        c.add(Hostile.raw(
                        "anonymous /metrics as JSON",
                        "GET /metrics HTTP/1.1\r\n" + HOST + "Accept: application/json",
                        null)
                .expectProblem(401, "unauthorized"));
        c.add(Hostile.raw(
                        "anonymous /openapi from a browser",
                        "GET /openapi HTTP/1.1\r\n" + HOST + "Accept: text/html,application/xhtml+xml,*/*;q=0.8",
                        null)
                .expectProblem(401, "unauthorized"));
        c.add(Hostile.get("admin /metrics as JSON", "/metrics").expectProblem(406, "not-acceptable"));
        c.add(Hostile.raw(
                        "admin /openapi from a browser",
                        "GET /openapi HTTP/1.1\r\n" + HOST
                                + "Accept: text/html,application/xhtml+xml,*/*;q=0.8\r\nAuthorization: "
                                + Credentials.ADMIN_BASIC,
                        null)
                .expect(200));
        // the container's own refusals answer problem documents (a refused WebSocket upgrade's answer carries one
        // too, but the container sends it without its Content-Type: only the status is checked)
        c.add(Hostile.raw(
                        "Range beyond a static file",
                        "GET /css/app.css HTTP/1.1\r\n" + HOST + "Range: bytes=99999999-",
                        null)
                .expectProblem(416, "range-not-satisfiable"));
        c.add(Hostile.raw(
                        "WebSocket version 99",
                        "GET /ws/tickets HTTP/1.1\r\n" + HOST + "Authorization: "
                                + Credentials.ADMIN_BASIC + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 99",
                        null)
                .expect(426));
        c.add(Hostile.raw(
                        "WebSocket without a version",
                        "GET /ws/tickets HTTP/1.1\r\n" + HOST + "Authorization: "
                                + Credentials.ADMIN_BASIC + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
                        null)
                .expect(426));
        c.add(Hostile.raw("TRACE", "TRACE /api HTTP/1.1\r\n" + HOST.strip(), null)
                .expect(405));
        c.add(Hostile.raw("PROPFIND", "PROPFIND / HTTP/1.1\r\n" + HOST.strip(), null)
                .expectProblem(405, "method-not-allowed"));
        c.add(Hostile.raw("MKCOL on a page", "MKCOL /agent/x HTTP/1.1\r\n" + HOST.strip(), null)
                .expectProblem(405, "method-not-allowed"));
        c.add(Hostile.raw(
                        "WebSocket with a key that is not 16 bytes",
                        "GET /ws/tickets HTTP/1.1\r\n" + HOST
                                + "Authorization: " + Credentials.ADMIN_BASIC
                                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                + "Sec-WebSocket-Key: !!!\r\nSec-WebSocket-Version: 13",
                        null)
                .expect(400)
                .closing());
        c.add(Hostile.raw(
                        "WebSocket without a key",
                        "GET /ws/tickets HTTP/1.1\r\n" + HOST + "Authorization: "
                                + Credentials.ADMIN_BASIC + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                + "Sec-WebSocket-Version: 13",
                        null)
                .expect(400)
                .closing());
        c.add(Hostile.raw(
                        "Content-Length with leading zeros",
                        "POST /api/session HTTP/1.1\r\n" + HOST
                                + "Content-Type: application/json\r\nContent-Length: 0000000000000000000002",
                        "{}".getBytes(StandardCharsets.US_ASCII))
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.raw("unknown method", "FOO /api HTTP/1.1\r\n" + HOST + "Accept: application/json", null)
                .expectProblem(405, "method-not-allowed"));
        c.add(Hostile.raw(
                        "request line of 20 KB",
                        "GET /api/" + "a".repeat(20_000) + " HTTP/1.1\r\n" + HOST.strip(),
                        null)
                .expectParserRefusal());
        return c;
    }
}
