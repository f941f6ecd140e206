package io.ticketrouter.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.glassfish.tyrus.client.ClientManager;

/**
 * A dashboard's WebSocket on {@code /ws/tickets}, as a test sees it: its own Tyrus client container (never the
 * JVM-wide default, so one test's client state cannot leak into the next), opened only once the server has
 * <em>registered</em> the session. The server registers a session in {@code @OnOpen}, which may run after the
 * handshake answer; a {@code "pong"} to a {@code "ping"} proves that it did, so a ticket created after
 * {@link #open} returns is pushed to this socket.
 *
 * <p>Every message is recorded with its arrival time ({@link System#nanoTime()}), so tests can wait for a message
 * with a liveness bound and print (never assert) how long it took.
 */
public final class DashboardSocket implements AutoCloseable {

    /** A message as it arrived: the parsed JSON, the raw text and the arrival time. */
    public record Arrival(JsonObject message, String text, long nanoTime) {}

    /** How long a test waits for the registration or a message before it fails: a liveness bound, not a latency. */
    public static final Duration BOUND = Duration.ofSeconds(30);

    private final ClientManager container = ClientManager.createClient();
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> pongs = new LinkedBlockingQueue<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private final Session session;

    private DashboardSocket(URI uri, ClientEndpointConfig config) throws Exception {
        try {
            session = container.connectToServer(
                    new Endpoint() {
                        @Override
                        public void onOpen(Session s, EndpointConfig c) {
                            s.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                                long now = System.nanoTime();
                                if ("pong".equals(text)) {
                                    pongs.add(text);
                                } else {
                                    arrivals.add(new Arrival(parse(text), text, now));
                                }
                            });
                        }

                        @Override
                        public void onClose(Session s, CloseReason reason) {
                            closed.complete(reason);
                        }
                    },
                    config,
                    uri);
            session.getBasicRemote().sendText("ping");
            if (pongs.poll(BOUND.toSeconds(), TimeUnit.SECONDS) == null) {
                throw new AssertionError("the dashboard socket on " + uri + " was never registered (no pong within "
                        + BOUND.toSeconds() + " s)");
            }
        } catch (Exception | AssertionError e) {
            container.shutdown();
            throw e;
        }
    }

    /** Opens a dashboard socket on the server at {@code port}, signed in as the admin, and waits for its registration. */
    public static DashboardSocket open(int port) throws Exception {
        return open(port, Credentials.webSocket());
    }

    /** Opens a dashboard socket with the given handshake configuration and waits for its registration. */
    public static DashboardSocket open(int port, ClientEndpointConfig config) throws Exception {
        return open(URI.create("ws://127.0.0.1:" + port + "/ws/tickets"), config);
    }

    /** Opens a dashboard socket at {@code uri} (the push benchmark's server, say) and waits for its registration. */
    public static DashboardSocket open(URI uri, ClientEndpointConfig config) throws Exception {
        return new DashboardSocket(uri, config);
    }

    /** Every message received so far, in order of arrival (pongs left out). */
    public List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** Waits ({@link #BOUND} at most) for the first message that matches; fails with {@code what} otherwise. */
    public Arrival await(Predicate<JsonObject> match, String what) {
        Arrival[] found = new Arrival[1];
        Eventually.until(
                BOUND,
                what + " never reached the dashboard",
                () -> {
                    for (Arrival a : arrivals) {
                        if (match.test(a.message())) {
                            found[0] = a;
                            return true;
                        }
                    }
                    return false;
                },
                () -> arrivals.size() + " messages received");
        return found[0];
    }

    /** Waits for the message of the given type (created, updated, deleted...) about the given ticket. */
    public Arrival await(String type, String reference) {
        return await(about(type, reference), type + " " + reference);
    }

    /** How many messages match so far. */
    public long count(Predicate<JsonObject> match) {
        return arrivals.stream().filter(a -> match.test(a.message())).count();
    }

    /** Matches a message of the given type about the given ticket. */
    public static Predicate<JsonObject> about(String type, String reference) {
        return m -> type.equals(m.getString("type", null)) && reference.equals(m.getString("reference", null));
    }

    /** The close reason once the server closed the socket, waiting {@link #BOUND} at most. */
    public CloseReason awaitClose() throws Exception {
        return closed.get(BOUND.toSeconds(), TimeUnit.SECONDS);
    }

    public boolean isOpen() {
        return session.isOpen();
    }

    public Session session() {
        return session;
    }

    @Override
    public void close() {
        try {
            if (session.isOpen()) {
                session.close();
            }
        } catch (IOException e) {
            // closing anyway
        } finally {
            container.shutdown();
        }
    }

    private static JsonObject parse(String text) {
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            return r.readObject();
        } catch (RuntimeException e) {
            return Json.createObjectBuilder().add("unparsed", text).build();
        }
    }
}
