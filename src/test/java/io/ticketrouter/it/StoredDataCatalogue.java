package io.ticketrouter.it;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Hostile requests whose values must never be stored: each is refused with a problem naming the field. Every ticket
 * text carries {@link #MARKER}, so {@link StoredDataChecks} can show afterwards that none of it was stored.
 *
 * <p>{@link #cases()} needs no server state (the reliability suite's catalogue run); {@link #cases(int, String,
 * String)} adds what needs one: notes on an existing ticket, and the cross-site requests that carry a real session
 * cookie (which must not sign out, change a ticket or open a dashboard socket).
 */
final class StoredDataCatalogue {

    /** In every text of this catalogue; no ticket may ever contain it. */
    static final String MARKER = "storedcatalogue7q";

    private static final String VALID =
            "Please refund the second payment of my last invoice, it was charged twice " + MARKER + ".";

    private StoredDataCatalogue() {}

    static List<Hostile> cases() {
        return cases(-1, "TR-000001", null);
    }

    /**
     * @param port      the server's port, for the cross-site cases (none when negative)
     * @param reference an existing ticket, for the note cases
     * @param cookie    a live admin session cookie ({@code TR_SESSION=...}), for the cross-site cases (or null)
     */
    static List<Hostile> cases(int port, String reference, String cookie) {
        List<Hostile> c = new ArrayList<>();
        String ticket = "{\"body\": \"" + VALID + "\"";
        // --- numbers too long to read, in any field and on every JSON endpoint
        String digits = "1".repeat(1_200);
        c.add(Hostile.json("1,200-digit number in an unknown field", ticket + ", \"extra\": " + digits + "}")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.json(
                        "1,200-digit number as the body", "{\"subject\": \"" + MARKER + "\", \"body\": " + digits + "}")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.json("1,200-digit number with a fraction and exponent", ticket + ", \"x\": [0." + digits + "e5]}")
                .expectProblem(400, "invalid-input"));
        c.add(post(
                        "1,200-digit number as the sign-in user name",
                        "/api/session",
                        "application/json",
                        null,
                        "{\"username\": " + digits + ", \"password\": \"x\"}")
                .expectProblem(400, "invalid-input"));
        c.add(post(
                        "1,200-digit number in a batch item",
                        "/api/predict/batch",
                        "application/json",
                        Credentials.ADMIN_BASIC,
                        "{\"items\": [{\"body\": \"" + VALID + "\", \"n\": " + digits + "}]}")
                .expectProblem(400, "invalid-input"));
        // --- duplicate keys
        c.add(Hostile.json("duplicate body, the second valid", "{\"body\": \"help\", \"body\": \"" + VALID + "\"}")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.json(
                        "duplicate customer_email",
                        ticket + ", \"customer_email\": \"a@example.com\", " + "\"customer_email\": \"b@example.com\"}")
                .expectProblem(400, "invalid-input"));
        c.add(post(
                        "duplicate user name when signing in",
                        "/api/session",
                        "application/json",
                        null,
                        "{\"username\": \"nobody\", \"username\": \"admin\", \"password\": \"x\"}")
                .expectProblem(400, "invalid-input"));
        // --- declared charsets: honoured (the field rules then apply to the decoded text) or refused
        c.add(bytes(
                        "UTF-16 with BOM, body too short (read as UTF-16, not as UTF-8)",
                        "utf-16",
                        "{\"body\": \"Hi " + MARKER.substring(0, 2) + "\"}",
                        StandardCharsets.UTF_16)
                .expectProblem(400, "invalid-input"));
        c.add(bytes(
                        "UTF-16LE without BOM declared as UTF-16, escaped NUL in the body",
                        "UTF-16",
                        "{\"body\": \"" + VALID + " \\u0000\"}",
                        StandardCharsets.UTF_16LE)
                .expectProblem(400, "invalid-input"));
        c.add(bytes(
                        "ISO-8859-1 with a C1 control (0x85) in customer_name",
                        "ISO-8859-1",
                        ticket + ", \"customer_name\": \"Ana\u0085Silva\"}",
                        StandardCharsets.ISO_8859_1)
                .expectProblem(400, "invalid-input"));
        byte[] utf16 = (ticket + "}").getBytes(StandardCharsets.UTF_16BE);
        c.add(Hostile.post(
                        "UTF-16 declared, odd number of bytes",
                        "/api/tickets",
                        "application/json; charset=utf-16",
                        java.util.Arrays.copyOf(utf16, utf16.length - 1))
                .expectProblem(400, "malformed-json"));
        c.add(bytes("charset Shift_JIS", "Shift_JIS", ticket + "}", StandardCharsets.UTF_8)
                .expectProblem(415, "unsupported-media-type"));
        c.add(bytes("charset UTF-7", "utf-7", ticket + "}", StandardCharsets.UTF_8)
                .expectProblem(415, "unsupported-media-type"));
        // --- customer_email: the text rules, then the addr-spec
        for (String[] e : new String[][] {
            {"escaped NUL", "ana\\u0000@example.com"}, {"U+0001", "ana\\u0001@example.com"},
            {"raw DEL", "ana\u007f@example.com"}, {"right-to-left override", "moc.elpmaxe@\u202Eana"},
            {"script", "<script>@x.com"}, {"two dots in the domain", "a@b..com"},
            {"leading dot", ".a@b.com"}, {"trailing dot before @", "a.@b.com"},
            {"quoted local part with a space", "\\\"a b\\\"@example.com"}, {"no domain dot", "ana@localhost"},
            {"hyphen starting a label", "ana@-example.com"}, {"two @", "ana@b@example.com"}
        }) {
            c.add(Hostile.json("customer_email with " + e[0], ticket + ", \"customer_email\": \"" + e[1] + "\"}")
                    .expectProblem(400, "invalid-input"));
        }
        // --- the text rules in the other fields
        c.add(Hostile.json(
                        "body of zero-width spaces, BOMs and no-break spaces with 3 letters",
                        "{\"subject\": \"" + MARKER + "\", \"body\": \"" + "\u200B\uFEFF\u00A0".repeat(20) + "abc\"}")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.json(
                        "body only invisible characters",
                        "{\"subject\": \"" + MARKER + "\", \"body\": \""
                                + "\u200B\u200C\u2060\uFEFF\u3164\u2800".repeat(10) + "\"}")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.json(
                        "right-to-left override in the subject",
                        "{\"subject\": \"invoice \u202Efdp.exe\", " + "\"body\": \"" + VALID + "\"}")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.json("bidi isolate in customer_name", ticket + ", \"customer_name\": \"Ana \u2067Silva\"}")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.json(
                        "line break in the subject",
                        "{\"subject\": \"two\\nlines " + MARKER + "\", \"body\": \"" + VALID + "\"}")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.json("C1 control U+009B in the body", "{\"body\": \"" + VALID + " \u009B31m\"}")
                .expectProblem(400, "invalid-input"));
        c.add(Hostile.json("noncharacter U+FFFF in the body", "{\"body\": \"" + VALID + " \uFFFF\"}")
                .expectProblem(400, "invalid-input"));
        // --- notes (PATCH): the same rules
        for (String[] n : new String[][] {
            {"escaped NUL", "\\u0000"},
            {"BEL", "\\u0007"},
            {"C1 NEL", "\u0085"},
            {"right-to-left override", "\u202E"},
            {"only zero-width spaces", "\u200B\u200B\u200B"}
        }) {
            c.add(patch(
                            "note with " + n[0],
                            reference,
                            "{\"note\": \"" + (n[0].startsWith("only") ? "" : "note " + MARKER + " ") + n[1] + "\"}")
                    .expectProblem(400, "invalid-input"));
        }
        // --- user names: unique without regard to case and Unicode forms
        c.add(post(
                        "user ADMIN next to admin",
                        "/api/users",
                        "application/json",
                        Credentials.ADMIN_BASIC,
                        "{\"username\": \"ADMIN\", \"password\": \"" + MARKER + "-password\", \"role\": \"admin\"}")
                .expectProblem(409, "conflict"));
        c.add(post(
                        "user Admin next to admin",
                        "/api/users",
                        "application/json",
                        Credentials.ADMIN_BASIC,
                        "{\"username\": \"Admin\", \"password\": \"" + MARKER + "-password\"}")
                .expectProblem(409, "conflict"));
        c.add(post(
                        "full-width user name",
                        "/api/users",
                        "application/json",
                        Credentials.ADMIN_BASIC,
                        "{\"username\": \"\uFF41\uFF44\uFF4D\uFF49\uFF4E\", \"password\": \"" + MARKER + "-password\"}")
                .expectProblem(400, "invalid-input"));
        if (port > 0 && cookie != null) {
            crossSite(c, port, reference, cookie);
        }
        return c;
    }

    /**
     * A real admin session cookie sent from pages of other origins: refused for every change (sign-out included)
     * and for the dashboard socket; the session lives on (checked by {@link StoredDataChecks}).
     */
    private static void crossSite(List<Hostile> c, int port, String reference, String cookie) {
        String host = "127.0.0.1:" + port;
        String[][] foreign = {
            {"from another site", "Origin: http://attacker.example"},
            {"with Sec-Fetch-Site: cross-site", "Sec-Fetch-Site: cross-site"},
            {"from Origin: null", "Origin: null"},
            {"from the same host and port over https", "Origin: https://" + host},
            {"from another port of the same host", "Origin: http://127.0.0.1:" + (port == 65535 ? 1 : port + 1)},
            {
                "with its own Origin but Sec-Fetch-Site: cross-site",
                "Origin: http://" + host + "\r\nSec-Fetch-Site: cross-site"
            }
        };
        for (String[] f : foreign) {
            c.add(Hostile.raw(
                            "sign-out with the cookie " + f[0],
                            "DELETE /api/session HTTP/1.1\r\nHost: " + host + "\r\nCookie: " + cookie + "\r\n" + f[1],
                            null)
                    .expectProblem(403, "forbidden"));
        }
        byte[] resolve = "{\"status\": \"resolved\", \"note\": \"cross-site storedcatalogue7q\"}"
                .getBytes(StandardCharsets.UTF_8);
        for (String[] f : foreign) {
            c.add(Hostile.raw(
                            "PATCH with the cookie " + f[0],
                            "PATCH /api/tickets/" + reference + " HTTP/1.1\r\n"
                                    + "Host: " + host + "\r\nCookie: " + cookie + "\r\n" + f[1]
                                    + "\r\nContent-Type: application/json"
                                    + "\r\nContent-Length: " + resolve.length,
                            resolve)
                    .expectProblem(401, "unauthorized"));
        }
        c.add(Hostile.raw(
                        "DELETE of a ticket with the cookie from Origin: null",
                        "DELETE /api/tickets/" + reference + " HTTP/1.1\r\nHost: " + host + "\r\nCookie: " + cookie
                                + "\r\nOrigin: null",
                        null)
                .expectProblem(401, "unauthorized"));
        for (String origin : new String[] {"null", "https://" + host}) {
            c.add(Hostile.raw(
                            "WebSocket handshake with the cookie from Origin: " + origin,
                            "GET /ws/tickets HTTP/1.1"
                                    + "\r\nHost: " + host + "\r\nCookie: " + cookie + "\r\nOrigin: " + origin
                                    + "\r\nUpgrade: "
                                    + "websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                    + "Sec-WebSocket-Version: 13",
                            null)
                    .expect(401));
        }
    }

    private static Hostile post(String name, String path, String contentType, String authorization, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return Hostile.raw(
                name,
                "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
                        + (authorization == null ? "" : "\r\nAuthorization: " + authorization)
                        + "\r\nContent-Length: " + body.length,
                body);
    }

    private static Hostile patch(String name, String reference, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return Hostile.raw(
                name,
                "PATCH /api/tickets/" + reference + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/json\r\nAuthorization: " + Credentials.ADMIN_BASIC
                        + "\r\nContent-Length: " + body.length,
                body);
    }

    /** An anonymous ticket whose JSON is encoded in {@code encoding} and declared as {@code charset}. */
    private static Hostile bytes(String name, String charset, String json, Charset encoding) {
        byte[] body = json.getBytes(encoding);
        return Hostile.post(name, "/api/tickets", "application/json; charset=" + charset, body);
    }
}
