package io.ticketrouter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the protocol catalogue cannot say with a status alone, on the reliability suite's server: a smuggled request
 * is never answered, a {@code Location} never comes from the {@code Host} header, the open endpoints name no
 * file-system path, {@code /metrics} is open to a listed scraper and closed to other agents, and the dashboard feed
 * closes on oversized, unexpected or unending frames and on silence. Returns the figures it printed.
 */
final class ProtocolChecks {

    /** The scraper account the reliability suite's server lists in {@code ticketrouter.metrics.users}. */
    static final String SCRAPER = "prometheus";

    private static final String PASSWORD = "scraper-password-1";
    private static final String AGENT = "protocol-agent";

    private ProtocolChecks() {}

    static List<String> run(TestServer server, int idleSeconds) throws Exception {
        int port = server.port();
        List<String> figures = new ArrayList<>();
        // a silent dashboard, opened first: it must be closed after the idle timeout, not before
        long silentSince = System.nanoTime();
        Socket silent = webSocket(port);
        // and one that announces a frame of 2^63-1 bytes and then sends nothing more
        Socket endless = webSocket(port);
        endless.getOutputStream()
                .write(new byte[] {(byte) 0x81, (byte) 0xFF, 0x7F, -1, -1, -1, -1, -1, -1, -1, 1, 2, 3, 4, 'x'});
        endless.getOutputStream().flush();

        smuggledRequestIsNeverAnswered(port);
        locationIgnoresTheHostHeader(port);
        openEndpointsNameNoPath(port);
        metricsForTheScraperOnly(port);
        figures.add(webSocketLimits(port));

        // the silent one: closed by the server once the idle time has passed
        silent.setSoTimeout((idleSeconds + 30) * 1000);
        Frame close;
        try (silent) {
            close = nextClose(new DataInputStream(silent.getInputStream()));
        }
        long silentFor = (System.nanoTime() - silentSince) / 1_000_000;
        assertEquals(8, close.opcode(), "a close frame for the silent dashboard");
        assertTrue(silentFor >= idleSeconds * 1000L - 1000, "closed after " + silentFor + " ms, before the idle time");
        boolean endlessClosed;
        try (endless) {
            endless.setSoTimeout(30_000);
            try {
                nextClose(new DataInputStream(endless.getInputStream()));
            } catch (java.io.EOFException | java.net.SocketException e) {
                // closed without a close frame: closed all the same
            }
            endlessClosed = true;
        } catch (SocketTimeoutException e) {
            endlessClosed = false;
        }
        long endlessFor = (System.nanoTime() - silentSince) / 1_000_000;
        assertTrue(endlessClosed, "a frame that never ends is closed by the idle timeout, " + endlessFor + " ms");
        figures.add(String.format(
                "[reliability] websocket idle: a silent dashboard was closed after %.1f s (code %d, "
                        + "\"%s\"), a frame announcing 2^63-1 bytes by %.1f s; idle time %d s",
                silentFor / 1000.0, close.code(), close.reason(), endlessFor / 1000.0, idleSeconds));
        return figures;
    }

    /**
     * Content-Length before a chunked Transfer-Encoding (a front end that trusts the length would take the second
     * request for part of the body): refused with 411, the connection closed, and neither the chunked ticket nor the
     * request behind it is answered or stored.
     */
    private static void smuggledRequestIsNeverAnswered(int port) throws IOException {
        String marker = "smuggling-" + Long.toHexString(System.nanoTime());
        byte[] ticket = ("{\"body\": \"The printer on the second floor prints only empty pages, " + marker + "-a.\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] smuggled = ("{\"body\": \"The printer on the second floor prints only empty pages, " + marker + "-b.\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] request = Hostile.concat(
                ("POST /api/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                                + "application/json\r\nContent-Length: " + ticket.length
                                + "\r\nTransfer-Encoding: chunked"
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII),
                Hostile.chunked(ticket),
                ("POST /api/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                + "Content-Length: " + smuggled.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII),
                smuggled);
        List<RawHttp.Answer> answers = RawHttp.sendRaw(port, request);
        assertEquals(1, answers.size(), "one answer, none for the request behind the body: " + answers);
        assertEquals(411, answers.get(0).status(), answers.toString());
        assertTrue(answers.get(0).body().contains("#length-required"), answers.toString());
        assertEquals("close", answers.get(0).header("Connection"), answers.toString());
        RawHttp.Answer listed = RawHttp.send(
                port,
                "GET /api/tickets?q=" + marker + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Accept: application/json\r\nAuthorization: " + Credentials.ADMIN_BASIC,
                null);
        assertEquals(0, json(listed.body()).getInt("count"), "neither request stored a ticket: " + listed);
    }

    /** A 201's Location is relative to this server, whatever Host (or X-Forwarded-Host) the client sent. */
    private static void locationIgnoresTheHostHeader(int port) throws IOException {
        byte[] ticket = "{\"body\": \"Since this morning the VPN client disconnects every ten minutes.\"}"
                .getBytes(StandardCharsets.UTF_8);
        for (String auth : new String[] {"", "\r\nAuthorization: " + Credentials.ADMIN_BASIC}) {
            RawHttp.Answer a = RawHttp.send(
                    port,
                    "POST /api/tickets HTTP/1.1\r\nHost: evil.example:666\r\n"
                            + "X-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: https\r\nContent-Type: application/json"
                            + "\r\nContent-Length: " + ticket.length + auth,
                    ticket);
            assertEquals(201, a.status(), a.toString());
            String reference = json(a.body()).getString("reference");
            assertEquals("/api/tickets/" + reference, a.header("Location"), a.toString());
            assertFalse(a.toString().contains("evil.example"), "nothing of the Host header is reflected: " + a);
        }
    }

    /** {@code /health} (open to load balancers) and an agent's model view name no file-system path. */
    private static void openEndpointsNameNoPath(int port) throws IOException {
        for (String path : List.of("/health", "/health/ready", "/health/live", "/api")) {
            RawHttp.Answer a = RawHttp.send(
                    port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: " + "application/json", null);
            assertEquals(200, a.status(), a.toString());
            assertFalse(
                    a.body().contains("\"directory\"")
                            || a.body()
                                    .contains(TestServer.MODEL.toAbsolutePath().toString()),
                    path + " names no directory: " + a.body());
        }
        createUser(port, AGENT, "agent");
        String agent = Credentials.basic(AGENT, PASSWORD);
        JsonObject model = json(get(port, "/api/model", agent).body());
        assertTrue(model.isNull("directory"), "an agent does not see where the model lives: " + model);
        JsonObject plugins = json(get(port, "/api/plugins", agent).body());
        assertTrue(plugins.isNull("directory"), "an agent does not see the plugin directory: " + plugins);
        JsonObject asAdmin =
                json(get(port, "/api/model", Credentials.ADMIN_BASIC).body());
        assertEquals(TestServer.MODEL.toAbsolutePath().toString(), asAdmin.getString("directory"), asAdmin.toString());
    }

    /** {@code /metrics}: the listed scraper and admins; another agent gets 403, and nobody but admins /openapi. */
    private static void metricsForTheScraperOnly(int port) throws IOException {
        createUser(port, SCRAPER, "agent");
        String scraper = Credentials.basic(SCRAPER, PASSWORD);
        RawHttp.Answer scraped = get(port, "/metrics", scraper, "text/plain");
        assertEquals(200, scraped.status(), scraped.toString());
        assertTrue(
                scraped.body().contains("# TYPE"),
                "Prometheus text: "
                        + scraped.body()
                                .substring(0, Math.min(200, scraped.body().length())));
        RawHttp.Answer agent = get(port, "/metrics", Credentials.basic(AGENT, PASSWORD), "text/plain");
        assertEquals(403, agent.status(), agent.toString());
        assertTrue(agent.body().contains("#forbidden"), agent.toString());
        RawHttp.Answer openapi = get(port, "/openapi", scraper, "application/json");
        assertEquals(403, openapi.status(), "the scraper may read /metrics only: " + openapi);
        assertEquals(
                200,
                get(port, "/openapi", Credentials.ADMIN_BASIC, "application/json")
                        .status());
    }

    /**
     * The feed's limits: a "ping" is answered; a message over 64 bytes closes with 1009, another text with 1003, a
     * frame announcing 2^63-1 bytes and an unmasked frame close the connection; close reasons are plain sentences.
     */
    private static String webSocketLimits(int port) throws IOException {
        List<String> seen = new ArrayList<>();
        try (Socket s = webSocket(port)) {
            write(s, 0x1, "ping".getBytes(StandardCharsets.UTF_8), true);
            Frame pong = nextPongOrClose(new DataInputStream(s.getInputStream()));
            assertEquals("pong", pong.text(), "a ping is answered");
        }
        Frame big = closeAfter(port, 0x1, "p".repeat(65).getBytes(StandardCharsets.UTF_8), true);
        assertEquals(1009, big.code(), "a message over 64 bytes: " + big);
        seen.add("65-byte message → " + big.code());
        Frame other = closeAfter(port, 0x1, "hello".getBytes(StandardCharsets.UTF_8), true);
        assertEquals(1003, other.code(), "a text other than ping: " + other);
        assertEquals("the feed accepts only \"ping\"", other.reason());
        seen.add("other text → " + other.code());
        Frame binary = closeAfter(port, 0x2, new byte[] {1, 2, 3}, true);
        assertEquals(1003, binary.code(), "a binary message: " + binary);
        seen.add("binary → " + binary.code());
        for (Frame f : List.of(big, other, binary)) {
            assertFalse(f.reason().matches(".*(Exception|\\.java|org\\.|tyrus|Tyrus).*"), "plain reason: " + f);
        }
        try (Socket s = webSocket(port)) {
            // a frame that announces 2^63-1 bytes and sends more than the 4 KB frame buffer holds
            OutputStream out = s.getOutputStream();
            out.write(new byte[] {(byte) 0x81, (byte) 0xFF, 0x7F, -1, -1, -1, -1, -1, -1, -1, 1, 2, 3, 4});
            out.write(new byte[8192]);
            out.flush();
            s.setSoTimeout(15_000);
            Frame f = readOrEnd(s);
            seen.add("2^63-1 frame with 8 KB sent → " + (f == null ? "closed" : f.toString()));
            if (f != null) {
                assertEquals(8, f.opcode(), "a close frame: " + f);
            }
        }
        try (Socket s = webSocket(port)) {
            // RFC 6455 section 5.1 says to close on an unmasked client frame; Tyrus has no setting for it
            write(s, 0x1, "ping".getBytes(StandardCharsets.UTF_8), false);
            s.setSoTimeout(5_000);
            Frame f;
            try {
                f = nextPongOrClose(new DataInputStream(s.getInputStream()));
            } catch (IOException e) {
                f = null;
            }
            seen.add("unmasked ping → " + (f == null ? "closed" : f.toString()));
        }
        return "[reliability] websocket limits: " + String.join(", ", seen);
    }

    // ----------------------------------------------------------------------------------------- helpers

    private static Frame closeAfter(int port, int opcode, byte[] payload, boolean masked) throws IOException {
        try (Socket s = webSocket(port)) {
            write(s, opcode, payload, masked);
            s.setSoTimeout(15_000);
            Frame f = readOrEnd(s);
            assertNotNull(f, "a close frame before the connection ends");
            assertEquals(8, f.opcode(), "a close frame: " + f);
            return f;
        }
    }

    private static Frame readOrEnd(Socket s) throws IOException {
        try {
            return nextClose(new DataInputStream(s.getInputStream()));
        } catch (java.io.EOFException | java.net.SocketException e) {
            return null;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server neither answered nor closed within 15 s", e);
        }
    }

    /** A WebSocket frame as read: opcode, payload, and for a close frame its code and reason. */
    record Frame(int opcode, byte[] payload) {
        int code() {
            return opcode == 8 && payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : -1;
        }

        String reason() {
            return opcode == 8 && payload.length > 2
                    ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8)
                    : "";
        }

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return opcode == 8 ? "close " + code() + " \"" + reason() + "\"" : "opcode " + opcode + " " + text();
        }
    }

    /** Opens the dashboard feed as the admin over a raw socket and reads the 101. */
    static Socket webSocket(int port) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(30_000);
        s.getOutputStream()
                .write(("GET /ws/tickets HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: "
                                + Credentials.ADMIN_BASIC + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("handshake ended early: " + head);
            }
            head.write(b);
        }
        String answer = head.toString(StandardCharsets.ISO_8859_1);
        if (!answer.startsWith("HTTP/1.1 101")) {
            s.close();
            throw new AssertionError("no WebSocket upgrade: " + answer);
        }
        return s;
    }

    static void write(Socket s, int opcode, byte[] payload, boolean masked) throws IOException {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(0x80 | opcode);
        int maskBit = masked ? 0x80 : 0;
        if (payload.length < 126) {
            f.write(maskBit | payload.length);
        } else {
            f.write(maskBit | 126);
            f.write(payload.length >> 8);
            f.write(payload.length & 0xFF);
        }
        byte[] mask = {0x1B, 0x2C, 0x3D, 0x4E};
        if (masked) {
            f.write(mask, 0, 4);
        }
        for (int i = 0; i < payload.length; i++) {
            f.write(masked ? payload[i] ^ mask[i % 4] : payload[i]);
        }
        s.getOutputStream().write(f.toByteArray());
        s.getOutputStream().flush();
    }

    /** Reads past the tickets pushed meanwhile to a {@code "pong"} or the server's close frame. */
    static Frame nextPongOrClose(DataInputStream in) throws IOException {
        while (true) {
            Frame f = readFrame(in);
            if (f.opcode() != 0x1 || "pong".equals(f.text())) {
                return f;
            }
        }
    }

    /** Reads past the tickets pushed meanwhile (text frames) to the server's close frame. */
    static Frame nextClose(DataInputStream in) throws IOException {
        while (true) {
            Frame f = readFrame(in);
            if (f.opcode() != 0x1) {
                return f;
            }
        }
    }

    static Frame readFrame(DataInputStream in) throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        if (length > 1_000_000) {
            throw new IOException("the server announced a frame of " + length + " bytes");
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame(first & 0x0F, payload);
    }

    private static void createUser(int port, String name, String role) throws IOException {
        byte[] body = ("{\"username\": \"" + name + "\", \"password\": \"" + PASSWORD + "\", \"role\": \"" + role
                        + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer a = RawHttp.send(
                port,
                "POST /api/users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                        + "application/json\r\nAuthorization: " + Credentials.ADMIN_BASIC + "\r\nContent-Length: "
                        + body.length,
                body);
        assertTrue(a.status() == 201 || a.status() == 409, "user " + name + ": " + a);
    }

    private static RawHttp.Answer get(int port, String path, String authorization) throws IOException {
        return get(port, path, authorization, "application/json");
    }

    private static RawHttp.Answer get(int port, String path, String authorization, String accept) throws IOException {
        return RawHttp.send(
                port,
                "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: " + accept + "\r\nAuthorization: "
                        + authorization,
                null);
    }

    private static JsonObject json(String body) {
        try (jakarta.json.JsonReader r = Json.createReader(new StringReader(body))) {
            return r.readObject();
        }
    }
}
