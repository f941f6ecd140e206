package io.ticketrouter.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP receiver of webhooks on 127.0.0.1, as a customer's integration would run one: it records every request
 * (headers, raw body, arrival time) and answers a status the test chooses. It can be down (nothing listens on its
 * port: connection refused), up, or {@link #silent} (it accepts connections and never answers).
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    record Received(Instant at, Map<String, String> headers, String body) {

        JsonObject json() {
            try (var r = Json.createReader(new StringReader(body))) {
                return r.readObject();
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    final int port;
    final String path;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(204);
    private HttpServer server;
    private ServerSocket silentSocket;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    private WebhookReceiver(String path) {
        this.port = Ports.pick();
        this.path = path;
    }

    /** A receiver that is down until {@link #up()}. */
    static WebhookReceiver down(String path) {
        return new WebhookReceiver(path);
    }

    /** A receiver that accepts connections and never answers (requests time out). */
    static WebhookReceiver silent(String path) throws IOException {
        WebhookReceiver r = new WebhookReceiver(path);
        r.silentSocket = new ServerSocket(r.port, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(
                () -> {
                    while (!r.silentSocket.isClosed()) {
                        try {
                            r.held.add(r.silentSocket.accept()); // read nothing, answer nothing, keep it open
                        } catch (IOException e) {
                            return;
                        }
                    }
                },
                "silent-receiver");
        t.setDaemon(true);
        t.start();
        return r;
    }

    String url() {
        return "http://127.0.0.1:" + port + path;
    }

    /** Answers every request with this status from now on. */
    WebhookReceiver answering(int code) {
        status.set(code);
        return this;
    }

    /** Starts listening (a receiver that was down comes back). */
    synchronized WebhookReceiver up() {
        server = LoopbackHttpServer.start(port, "webhook-receiver-" + port, path, exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders()
                    .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
            headers.put(":method", exchange.getRequestMethod());
            received.add(new Received(Instant.now(), Map.copyOf(headers), new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        return this;
    }

    /** Connections the silent receiver accepted (and never answered). */
    int accepted() {
        return held.size();
    }

    /** Every request so far, in arrival order. */
    List<Received> received() {
        return new ArrayList<>(received);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            LoopbackHttpServer.stop(server);
        }
        if (silentSocket != null) {
            try {
                silentSocket.close();
            } catch (IOException e) {
                // closing anyway
            }
            for (Socket s : held) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }
}
