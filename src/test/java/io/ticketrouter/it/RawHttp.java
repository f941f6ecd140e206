package io.ticketrouter.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client would send: invalid bytes, lying lengths,
 * oversized headers, bodies that arrive slowly, two requests in one stream. Nothing is added to the request head the
 * caller gives (in particular no {@code Connection: close}), answers are read by their own framing
 * ({@code Content-Length} or chunked), and whether the <em>server</em> then closes the connection is observed on the
 * socket.
 */
public final class RawHttp {

    /** How long to watch for the server's close after an answer. */
    private static final int CLOSE_WATCH_MILLIS = 5_000;

    /**
     * One answer. {@code closedByServer} is true when the server closed the connection after it (end of stream on
     * the socket), false when the connection stayed open for {@code CLOSE_WATCH_MILLIS}; null when not observed.
     */
    public record Answer(int status, Map<String, String> headers, String body, Boolean closedByServer) {

        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body)
                    + (closedByServer == null ? "" : closedByServer ? " [closed by the server]" : " [kept open]");
        }
    }

    private RawHttp() {}

    /** The request head (request line and headers, without the blank line) and body bytes, sent at once. */
    public static Answer send(int port, String head, byte[] body) throws IOException {
        return send(port, head, body, 0);
    }

    /** Sends the request (the body one byte every {@code delayMillis}, when positive) and reads the first answer. */
    public static Answer send(int port, String head, byte[] body, long delayMillis) throws IOException {
        return send(port, head, body, delayMillis, false);
    }

    /**
     * As {@link #send(int, String, byte[], long)}; with {@code watchClose}, then watches whether the server closes the
     * connection (up to a few seconds when it does not).
     */
    public static Answer send(int port, String head, byte[] body, long delayMillis, boolean watchClose)
            throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(60_000);
            write(s, head, body, delayMillis);
            InputStream in = s.getInputStream();
            Answer a = readAnswer(in);
            return watchClose ? new Answer(a.status(), a.headers(), a.body(), closedWithin(s, in)) : a;
        }
    }

    /**
     * Sends the given bytes as they are (for example two requests in one stream) and reads every answer the server
     * writes until it closes the connection or stays silent for {@code CLOSE_WATCH_MILLIS}.
     */
    public static List<Answer> sendRaw(int port, byte[] bytes) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(CLOSE_WATCH_MILLIS);
            s.getOutputStream().write(bytes);
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            List<Answer> answers = new java.util.ArrayList<>();
            while (true) {
                Answer a;
                try {
                    a = readAnswer(in);
                } catch (SocketTimeoutException | EndOfStream e) {
                    break;
                } catch (java.net.SocketException e) {
                    break; // reset after the last answer
                }
                answers.add(a);
            }
            return answers;
        }
    }

    private static void write(Socket s, String head, byte[] body, long delayMillis) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        if (body != null) {
            try {
                if (delayMillis <= 0) {
                    out.write(body);
                } else {
                    for (byte b : body) {
                        out.write(b);
                        out.flush();
                        sleep(delayMillis);
                    }
                }
                out.flush();
            } catch (java.net.SocketException e) {
                // the server answered and closed before the whole body was sent: its answer is still readable
            }
        }
    }

    /** Thrown when the stream ends before an answer starts. */
    static final class EndOfStream extends IOException {
        EndOfStream() {
            super("connection closed without an answer");
        }
    }

    /** Reads one answer by its framing: the head, then Content-Length bytes, chunks, or up to the end of stream. */
    static Answer readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
        int matched = 0;
        byte[] crlfcrlf = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (headBytes.size() == 0) {
                    throw new EndOfStream();
                }
                throw new IOException("not an HTTP answer: " + headBytes.toString(StandardCharsets.ISO_8859_1));
            }
            headBytes.write(b);
            matched = b == crlfcrlf[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String head = headBytes.toString(StandardCharsets.ISO_8859_1);
        if (!head.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP answer: " + head);
        }
        String[] lines = head.substring(0, head.length() - 4).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body;
        if (status / 100 == 1 || status == 204 || status == 304) {
            body = new byte[0];
        } else if (headers.getOrDefault("transfer-encoding", "")
                .toLowerCase(Locale.ROOT)
                .contains("chunked")) {
            body = dechunk(in);
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = readToEnd(in);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8), null);
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                while (!line(in).isEmpty()) {
                    // trailer fields
                }
                return out.toByteArray();
            }
            out.write(in.readNBytes(size));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        try {
            while ((n = in.read(buf)) > 0) {
                all.write(buf, 0, n);
            }
        } catch (java.net.SocketException e) {
            // reset after the answer: keep what was read
        }
        return all.toByteArray();
    }

    /** True when the server closes the connection (or resets it) within the watch time, false when it stays open. */
    private static boolean closedWithin(Socket s, InputStream in) throws IOException {
        s.setSoTimeout(CLOSE_WATCH_MILLIS);
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
