package io.ticketrouter.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One hostile request of the reliability suite's catalogue and exactly what it must get: the status, and either the
 * problem {@code type} the application answers with ({@code /docs/problems.html#<anchor>}) or the HTTP parser's
 * refusal (an empty answer, the connection closed by the server). Built with {@link #expect}, {@link #expectProblem}
 * or {@link #expectParserRefusal}; {@link #check} says what, if anything, is wrong with an answer.
 */
public record Hostile(
        String name,
        String head,
        byte[] body,
        long delayMillis,
        int status,
        String problemType,
        boolean parserRefusal,
        boolean mustClose) {

    /** What every catalogue answer must be free of: no server name, no stack trace, no HTML error report. */
    static List<String> leaks(RawHttp.Answer a) {
        List<String> leaks = new ArrayList<>();
        if (!a.header("Server").isEmpty()) {
            leaks.add("Server header");
        }
        if (!a.header("X-Powered-By").isEmpty()) {
            leaks.add("X-Powered-By header");
        }
        for (String s : List.of("Exception", "\tat ", "Payara", "Grizzly", "GlassFish", "<html", "<HTML")) {
            if (a.body().contains(s)) {
                leaks.add("body contains '" + s.strip() + "'");
            }
        }
        return leaks;
    }

    /** What is wrong with the answer, or null when it is exactly what this request must get. */
    public String check(RawHttp.Answer a) {
        List<String> wrong = new ArrayList<>(leaks(a));
        if (a.status() != status) {
            wrong.add("status " + a.status() + ", expected " + status);
        }
        if (parserRefusal) {
            if (!a.body().isEmpty()) {
                wrong.add("a parser refusal has an empty body");
            }
        } else if (problemType != null) {
            if (!a.header("Content-Type").startsWith("application/problem+json")) {
                wrong.add("Content-Type '" + a.header("Content-Type") + "', expected application/problem+json");
            }
            if (!a.body().contains("\"type\":\"/docs/problems.html#" + problemType + "\"")) {
                wrong.add("problem type, expected #" + problemType);
            }
            if (!a.body().contains("\"status\":" + status)) {
                wrong.add("problem status, expected " + status);
            }
        }
        if ((parserRefusal || mustClose) && !Boolean.TRUE.equals(a.closedByServer())) {
            wrong.add("the server must close the connection");
        }
        return wrong.isEmpty() ? null : String.join("; ", wrong) + " — got " + a;
    }

    /** Whether sending this request must watch the socket for the server's close. */
    public boolean watchClose() {
        return parserRefusal || mustClose;
    }

    /** Exactly this status, with a problem document of this type ({@code invalid-input}, {@code malformed-json}...). */
    public Hostile expectProblem(int status, String problemType) {
        return new Hostile(name, head, body, delayMillis, status, problemType, false, mustClose);
    }

    /** Exactly this status; the body is not checked beyond the leaks (for answers that are not the application's). */
    public Hostile expect(int status) {
        return new Hostile(name, head, body, delayMillis, status, null, false, mustClose);
    }

    /** Refused by the HTTP parser before the application: an empty 400 and the connection closed. */
    public Hostile expectParserRefusal() {
        return new Hostile(name, head, body, delayMillis, 400, null, true, true);
    }

    /** In addition, the server must close the connection after its answer. */
    public Hostile closing() {
        return new Hostile(name, head, body, delayMillis, status, problemType, parserRefusal, true);
    }

    // ----------------------------------------------------------------------------- building requests

    /** A request as given (head without the blank line), body sent at once; expectations still to be set. */
    public static Hostile raw(String name, String head, byte[] body) {
        return new Hostile(name, head, body, 0, -1, null, false, false);
    }

    /**
     * A request with this body (null: none sent): the request line, {@code Host: 127.0.0.1}, then these header
     * lines.
     */
    public static Hostile request(String name, byte[] body, String requestLine, String... headers) {
        StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1");
        for (String header : headers) {
            head.append("\r\n").append(header);
        }
        return raw(name, head.toString(), body);
    }

    /** A request without a body: the request line, {@code Host: 127.0.0.1}, then these header lines. */
    public static Hostile bare(String name, String requestLine, String... headers) {
        return request(name, null, requestLine, headers);
    }

    /** An anonymous {@code POST /api/tickets} of JSON with these further header lines and this body. */
    public static Hostile ticketPost(String name, byte[] body, String... headers) {
        String[] all = new String[headers.length + 1];
        all[0] = "Content-Type: application/json";
        System.arraycopy(headers, 0, all, 1, headers.length);
        return request(name, body, "POST /api/tickets HTTP/1.1", all);
    }

    /** The same request, its body written one byte every {@code delayMillis}. */
    public Hostile sentSlowly(long delayMillis) {
        return new Hostile(name, head, body, delayMillis, status, problemType, parserRefusal, mustClose);
    }

    /** A request with this body of this content type and its length. */
    public static Hostile send(String name, String method, String path, String contentType, byte[] body) {
        return request(
                name,
                body,
                method + " " + path + " HTTP/1.1",
                "Content-Type: " + contentType,
                "Content-Length: " + body.length);
    }

    public static Hostile post(String name, String path, String contentType, byte[] body) {
        return send(name, "POST", path, contentType, body);
    }

    /** An anonymous {@code POST /api/tickets} with this JSON. */
    public static Hostile json(String name, String json) {
        return post(name, "/api/tickets", "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** An anonymous {@code POST /api/tickets} with these bytes as a JSON body. */
    public static Hostile bytes(String name, byte[] body) {
        return post(name, "/api/tickets", "application/json", body);
    }

    /** Signed in as the admin, so the request reaches the validation behind the role check. */
    public static Hostile get(String name, String path) {
        return bare(
                name,
                "GET " + path + " HTTP/1.1",
                "Accept: application/json",
                "Authorization: " + Credentials.ADMIN_BASIC);
    }

    /** A {@code POST} without a body ({@code Content-Length: 0}), with these further header lines. */
    public static Hostile emptyPost(String name, String path, String... headers) {
        String[] all = new String[headers.length + 1];
        all[0] = "Content-Length: 0";
        System.arraycopy(headers, 0, all, 1, headers.length);
        return bare(name, "POST " + path + " HTTP/1.1", all);
    }

    /** An {@link #emptyPost} signed in as the admin, so the request reaches the validation behind the role check. */
    public static Hostile adminEmptyPost(String name, String path) {
        return emptyPost(name, path, "Authorization: " + Credentials.ADMIN_BASIC);
    }

    /** Anonymous, with the given extra header lines (credentials an attacker might try). */
    public static Hostile getWith(String name, String path, String headers) {
        return bare(name, "GET " + path + " HTTP/1.1", "Accept: application/json", headers);
    }

    /**
     * Signs in as the admin on the server at {@code port} and returns a fresh session cookie as a {@code Cookie}
     * header value ({@code TR_SESSION=...}), for requests that must carry a real session.
     */
    public static String adminSessionCookie(int port) throws java.io.IOException {
        byte[] body = ("{\"username\": \"" + Credentials.ADMIN + "\", \"password\": \"" + Credentials.ADMIN_PASSWORD
                        + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer a = RawHttp.send(
                port,
                "POST /api/session HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length,
                body);
        String setCookie = a.header("Set-Cookie");
        if (a.status() != 200 || !setCookie.startsWith("TR_SESSION=")) {
            throw new IllegalStateException("signing in as the admin failed: " + a);
        }
        return setCookie.substring(0, setCookie.indexOf(';') < 0 ? setCookie.length() : setCookie.indexOf(';'));
    }

    /** The body in HTTP/1.1 chunks of 8 KB. */
    public static byte[] chunked(byte[] body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < body.length; i += 8192) {
            int n = Math.min(8192, body.length - i);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, i, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    public static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return name;
    }
}
