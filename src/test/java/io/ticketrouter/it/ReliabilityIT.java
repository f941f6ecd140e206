package io.ticketrouter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reliability suite: nothing acknowledged is ever lost, under load and across a {@code kill -9}. Loopback only,
 * bounded in time; the ticket count is {@code it.reliability.tickets} (default 20,000) at
 * {@code it.reliability.clients} (default 16) concurrent clients. Its figures are printed as the last lines of the
 * class ({@code [reliability] ...}).
 *
 * <p>"Acknowledged" means the client read a 201; "found" means the ticket is listed by the API after the run (the
 * whole list is paged through, so a duplicate would show as a reference or a marker listed twice). Each ticket's body
 * carries a unique marker, so a ticket stored twice under two references is caught too.
 */
class ReliabilityIT {

    static final int TICKETS = Integer.getInteger("it.reliability.tickets", 20_000);
    static final int CLIENTS = Integer.getInteger("it.reliability.clients", 16);
    static final int CRASH_TICKETS = Integer.getInteger("it.reliability.crashTickets", TICKETS);
    private static final Pattern MARKER = Pattern.compile("reliability-marker-([0-9]+)-x");
    private static final String[] TEXTS = {
        "My card was charged twice for the last invoice, please refund one of the payments.",
        "Since the update the VPN client disconnects every ten minutes and I lose my work.",
        "Seit dem Update kann ich mich nicht mehr im Portal anmelden, das Passwort wird abgelehnt.",
        "El portátil nuevo no enciende después de la actualización del sistema, necesito ayuda urgente.",
        "Je voudrais savoir si votre logiciel peut être intégré à notre système de gestion des stocks.",
        "A impressora do escritório não imprime desde ontem, aparece um erro de papel.",
    };

    private static Database db;
    private static final List<String> FIGURES = new ArrayList<>();
    /** The server of the load, bad-input and WebSocket tests (each looks only at its own tickets). */
    private static TestServer shared;

    @BeforeAll
    static void start() throws Exception {
        TestModel.require();
        db = Database.forThisRun("reliability");
        Path data = WorkDirs.fresh("reliability-" + db.kind + "-data");
        Map<String, String> config = TestServer.config(data, TestServer.MODEL, db);
        config.put("ticketrouter.metrics.users", ProtocolChecks.SCRAPER);
        shared = TestServer.start("reliability-" + db.kind, config);
    }

    @AfterAll
    static void figures() throws Exception {
        if (shared != null) {
            shared.close();
        }
        // the suite's figures, as its last lines
        FIGURES.forEach(System.out::println);
    }

    /** 20,000 tickets at 16 clients: every 201 is stored exactly once, no 5xx. */
    @Test
    void loadEveryAcknowledgedTicketIsStoredExactlyOnce() throws Exception {
        TestServer server = shared;
        {
            Load load = new Load(TICKETS);
            load.target = server;
            long start = System.nanoTime();
            load.run(CLIENTS, null);
            long millis = (System.nanoTime() - start) / 1_000_000;
            Census census = census(server);
            Result r = new Result("load", load, census, millis);
            FIGURES.add(r.line());
            r.assertNothingLost();
            assertEquals(
                    TICKETS,
                    load.acknowledged.size(),
                    "every ticket must be acknowledged without a crash: " + r.line() + "; other answers "
                            + load.otherStatuses);
            assertEquals(
                    load.acknowledged.size(),
                    census.markers().size(),
                    "stored load tickets must equal acknowledged ones");
            assertEquals(0, load.connectionErrors.get(), "no connection errors without a crash");
        }
    }

    /**
     * The same load with a {@code kill -9} of the server half-way, then a restart on the same data: every ticket
     * that got a 201 is present, and the clients' failures are connection errors only (never an answer that
     * acknowledges a ticket which is then missing, never a 5xx).
     */
    @Test
    void crashEveryAcknowledgedTicketSurvivesAKill() throws Exception {
        Database crashDb = Database.forThisRun("reliability_crash");
        if ("postgresql".equals(crashDb.kind)) {
            // a 201 is durable only if PostgreSQL flushes each commit before it answers
            assertEquals(
                    Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"),
                    crashDb.durabilitySettings(),
                    "PostgreSQL must flush every commit for the crash test to mean " + "anything");
        }
        Path data = WorkDirs.fresh("reliability-crash-" + db.kind + "-data");
        var config = TestServer.config(data, TestServer.MODEL, crashDb);
        Load load = new Load(CRASH_TICKETS);
        load.target = TestServer.start("reliability-crash-1-" + db.kind, config);
        long start = System.nanoTime();
        TestServer restarted = null;
        try {
            restarted = load.run(CLIENTS, () -> {
                load.target.kill();
                return TestServer.start("reliability-crash-2-" + db.kind, config);
            });
            long millis = (System.nanoTime() - start) / 1_000_000;
            Census census = census(restarted);
            Result r = new Result("crash", load, census, millis);
            FIGURES.add(r.line() + ", killed after " + load.acknowledgedAtKill + " acknowledged, "
                    + load.connectionErrors.get() + " connection errors");
            r.assertNothingLost();
            assertTrue(load.connectionErrors.get() > 0, "the kill should have cut some requests");
            // a ticket whose answer was lost in the kill may or may not be stored, but never twice
            assertTrue(census.total() <= CRASH_TICKETS, "more tickets stored than sent: " + census.total());
        } finally {
            load.target.close();
            if (restarted != null) {
                restarted.close();
            }
        }
    }

    /**
     * Every hostile catalogue ({@link HostileCatalogues}): each request gets exactly its expected answer (status, and
     * the problem type or the parser's empty 400 with the connection closed), never a server name or a stack trace;
     * afterwards the server is healthy, still takes a good ticket, and its log holds no stack trace.
     */
    @Test
    void badInputEveryHostileRequestGetsExactlyItsExpectedAnswer() throws Exception {
        TestServer server = shared;
        String logBefore = server.log();
        List<Hostile> catalogue = HostileCatalogues.all();
        long start = System.nanoTime();
        HostileCatalogues.Outcome outcome = HostileCatalogues.send(server.port(), catalogue);
        List<String> failures = outcome.failures();
        HttpResponse<String> health = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.url("/health/ready"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        byte[] good = "{\"body\": \"The printer on the second floor no longer prints anything.\"}"
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer ticket = RawHttp.send(
                server.port(),
                "POST /api/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + good.length,
                good);
        List<String> traces = stackTraceLines(server.log().substring(logBefore.length()));
        FIGURES.add(String.format(
                "[reliability] bad input (%s): %d hostile requests, %d got exactly their expected "
                        + "answer (%d of them refused by the HTTP parser), answers by status %s, %d 5xx; stack-trace "
                        + "lines in the server log %d; healthy afterwards: %s, time %.1f s",
                db.kind,
                catalogue.size(),
                catalogue.size() - failures.size(),
                outcome.refusedByParser(),
                outcome.byStatus(),
                outcome.serverErrors(),
                traces.size(),
                health.statusCode() == 200 && ticket.status() == 201,
                (System.nanoTime() - start) / 1e9));
        assertTrue(
                failures.isEmpty(),
                failures.size() + " hostile requests did not get their expected answer:\n"
                        + String.join("\n", failures));
        assertEquals(0, outcome.serverErrors(), "no 5xx");
        assertEquals(List.of(), traces.stream().limit(20).toList(), "no stack trace in the server log");
        assertEquals(200, health.statusCode(), "ready after the catalogue: " + health.body());
        assertEquals(201, ticket.status(), "a good ticket is still accepted after the catalogue: " + ticket);
    }

    /** Concurrent changes of one ticket: every answer 2xx or 409, final state and history consistent. */
    @Test
    void concurrentChangesOfOneTicketAreSafe() throws Exception {
        FIGURES.addAll(ConcurrentEdits.run(shared, db));
    }

    /**
     * What a status cannot show ({@link ProtocolChecks}): a smuggled request is never answered, no Location from the
     * Host header, no file-system path on open endpoints, /metrics for the listed scraper only, and the dashboard
     * feed's limits (message size, unexpected frames, idle timeout); no stack trace in the log meanwhile.
     */
    @Test
    void protocolSmugglingHostPathsMetricsAndWebSocketLimits() throws Exception {
        String logBefore = shared.log();
        FIGURES.addAll(ProtocolChecks.run(shared, 60));
        assertEquals(
                List.of(),
                stackTraceLines(shared.log().substring(logBefore.length())).stream()
                        .limit(20)
                        .toList(),
                "no stack trace in the server log");
    }

    /** The lines of a log that belong to a stack trace ({@code at ...} frames, {@code Caused by:}). */
    static List<String> stackTraceLines(String log) {
        return log.lines()
                .filter(l -> l.matches("\\s+at [\\w$.]+\\(.*")
                        || l.startsWith("Caused by: ")
                        || l.matches("\\s*\\.\\.\\. \\d+ more"))
                .toList();
    }

    /**
     * 200 dashboards plus one client that completes the handshake and then never reads: the 200 still get every
     * ticket. The silent client's receive buffer is made tiny so that the server's sends to it really block; if they
     * blocked the others, each ticket would wait out the 10 s send timeout and 150 tickets would take minutes, far
     * beyond the liveness bound here. The latencies (201 to push) are printed, not asserted: they are a performance
     * figure of the machine as much as of the server.
     */
    @Test
    void webSocketTwoHundredDashboardsAndOneThatNeverReads() throws Exception {
        TestServer server = shared;
        int dashboards = Integer.getInteger("it.reliability.dashboards", 200);
        int tickets = Integer.getInteger("it.reliability.wsTickets", 150);
        try (java.net.Socket silent = silentWebSocket(server.port())) {
            // This test's own client container; its 200 sockets share one Grizzly transport (SHARED_CONTAINER) instead
            // of a thread pool each, and the container is shut down at the end.
            org.glassfish.tyrus.client.ClientManager container =
                    org.glassfish.tyrus.client.ClientManager.createClient();
            container.getProperties().put(org.glassfish.tyrus.client.ClientProperties.SHARED_CONTAINER, true);
            java.net.URI uri = java.net.URI.create("ws://127.0.0.1:" + server.port() + "/ws/tickets");
            // reference -> nanoTime of arrival, per dashboard
            List<Map<String, Long>> arrivals = new ArrayList<>();
            List<jakarta.websocket.Session> sessions = new ArrayList<>();
            AtomicInteger pongs = new AtomicInteger();
            // why a dashboard was closed before the end, if one was: the close code and reason, or the error
            Map<Integer, String> closed = new ConcurrentHashMap<>();
            Pattern reference = Pattern.compile("\"reference\"\\s*:\\s*\"(TR-[0-9]+)\"");
            try {
                for (int d = 0; d < dashboards; d++) {
                    Map<String, Long> seen = new ConcurrentHashMap<>();
                    arrivals.add(seen);
                    int index = d;
                    sessions.add(container.connectToServer(
                            new jakarta.websocket.Endpoint() {
                                @Override
                                public void onClose(jakarta.websocket.Session s, jakarta.websocket.CloseReason reason) {
                                    closed.put(index, reason.getCloseCode().getCode() + " " + reason.getReasonPhrase());
                                }

                                @Override
                                public void onError(jakarta.websocket.Session s, Throwable error) {
                                    closed.merge(index, "error " + error, (a, b) -> a + "; " + b);
                                }

                                @Override
                                public void onOpen(
                                        jakarta.websocket.Session s, jakarta.websocket.EndpointConfig config) {
                                    s.addMessageHandler(String.class, (jakarta.websocket.MessageHandler.Whole<String>)
                                            text -> {
                                                long now = System.nanoTime();
                                                if ("pong".equals(text)) {
                                                    pongs.incrementAndGet();
                                                    return;
                                                }
                                                Matcher m = reference.matcher(text);
                                                if (m.find()) {
                                                    seen.putIfAbsent(m.group(1), now);
                                                }
                                            });
                                }
                            },
                            Credentials.webSocket(),
                            uri));
                }
                // the server registers a session in @OnOpen, possibly after the handshake answer: a pong proves it
                assertEquals(Map.of(), closed, "no dashboard is closed while the others connect");
                for (jakarta.websocket.Session s : sessions) {
                    s.getBasicRemote().sendText("ping");
                }
                Eventually.until(
                        Duration.ofSeconds(60),
                        "every dashboard is registered (answers a ping)",
                        () -> pongs.get() >= dashboards,
                        () -> pongs.get() + " of " + dashboards + " pongs");
                HttpClient client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                Map<String, Long> acknowledged = new ConcurrentHashMap<>();
                long start = System.nanoTime();
                for (int i = 0; i < tickets; i++) {
                    HttpResponse<String> r = client.send(
                            HttpRequest.newBuilder(server.url("/api/tickets"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"body\": \"WebSocket fan-out test " + i
                                            + ": " + TEXTS[i % TEXTS.length] + "\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(201, r.statusCode(), r.body());
                    acknowledged.put(Load.reference(r.body()), System.nanoTime());
                    Thread.sleep(20); // a steady stream of tickets, not a burst
                }
                long sent = System.nanoTime();
                Eventually.until(
                        Duration.ofSeconds(60),
                        "every dashboard gets every ticket",
                        () -> arrivals.stream().allMatch(seen -> seen.keySet().containsAll(acknowledged.keySet())),
                        () -> arrivals.stream()
                                        .mapToLong(seen -> acknowledged.keySet().stream()
                                                .filter(k -> !seen.containsKey(k))
                                                .count())
                                        .sum()
                                + " messages still missing");
                long drained = System.nanoTime();
                long[] delays = arrivals.stream()
                        .flatMap(seen -> acknowledged.entrySet().stream()
                                .map(e -> Math.max(0, seen.get(e.getKey()) - e.getValue()) / 1_000_000))
                        .mapToLong(Long::longValue)
                        .sorted()
                        .toArray();
                long open = sessions.stream()
                        .filter(jakarta.websocket.Session::isOpen)
                        .count();
                FIGURES.add(String.format(
                        "[reliability] websocket (%s): %d dashboards + 1 that never reads, %d "
                                + "tickets, %d messages received of %d, 201 to push p50 %d ms, p99 %d ms, max %d ms; "
                                + "last message %.1f s after the last 201; %d dashboards still open, time %.1f s",
                        db.kind,
                        dashboards,
                        tickets,
                        delays.length,
                        (long) dashboards * tickets,
                        percentile(delays, 50),
                        percentile(delays, 99),
                        delays[delays.length - 1],
                        (drained - sent) / 1e9,
                        open,
                        (drained - start) / 1e9));
                assertEquals((long) dashboards * tickets, delays.length, "every dashboard gets every ticket once");
                assertEquals(dashboards, open, "the reading dashboards stay connected; closed: " + closed);
            } finally {
                for (jakarta.websocket.Session s : sessions) {
                    try {
                        s.close();
                    } catch (IOException e) {
                        // closing anyway
                    }
                }
                container.shutdown();
            }
        }
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** A WebSocket client that completes the handshake and then never reads a byte. */
    private static java.net.Socket silentWebSocket(int port) throws IOException {
        java.net.Socket s = new java.net.Socket();
        s.setReceiveBufferSize(1024);
        s.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
        s.getOutputStream()
                .write(("GET /ws/tickets HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                                + "Authorization: " + Credentials.ADMIN_BASIC + "\r\n"
                                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                + "Sec-WebSocket-Version: 13\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        byte[] head = new byte[12];
        int n = s.getInputStream().readNBytes(head, 0, 12);
        String status = new String(head, 0, n, StandardCharsets.US_ASCII);
        if (!status.startsWith("HTTP/1.1 101")) {
            throw new IOException("the silent WebSocket client was not upgraded: " + status);
        }
        return s; // and never read again
    }

    // ------------------------------------------------------------------------------------------------------------

    /** Sends tickets 0..n-1 from concurrent clients; optionally kills and restarts the server half-way. */
    static final class Load {

        interface Restart {
            TestServer restart() throws Exception;
        }

        final int n;
        final AtomicInteger next = new AtomicInteger();
        /** marker → reference, for every 201 read by a client. */
        final Map<Integer, String> acknowledged = new ConcurrentHashMap<>();

        final AtomicLong serverErrors = new AtomicLong();
        final AtomicLong connectionErrors = new AtomicLong();
        final Map<Integer, AtomicLong> otherStatuses = new ConcurrentHashMap<>();
        final List<String> serverErrorSamples = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile TestServer target;
        volatile int acknowledgedAtKill = -1;
        private final HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        Load(int n) {
            this.n = n;
        }

        /** Runs the load; with a restart, kills half-way and returns the restarted server. */
        TestServer run(int clients, Restart restart) throws Exception {
            CountDownLatch half = new CountDownLatch(restart == null ? 0 : 1);
            CountDownLatch[] up = {new CountDownLatch(restart == null ? 0 : 1)};
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < n) {
                        TestServer server = target;
                        try {
                            HttpResponse<String> r = client.send(
                                    HttpRequest.newBuilder(server.url("/api/tickets"))
                                            .header("Content-Type", "application/json")
                                            .timeout(Duration.ofSeconds(60))
                                            .POST(HttpRequest.BodyPublishers.ofString(body(i)))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 201) {
                                acknowledged.put(i, reference(r.body()));
                                if (acknowledged.size() >= n / 2) {
                                    half.countDown();
                                }
                            } else {
                                if (r.statusCode() >= 500) {
                                    serverErrors.incrementAndGet();
                                    if (serverErrorSamples.size() < 5) {
                                        serverErrorSamples.add(r.statusCode() + " " + r.body());
                                    }
                                }
                                otherStatuses
                                        .computeIfAbsent(r.statusCode(), k -> new AtomicLong())
                                        .incrementAndGet();
                            }
                        } catch (IOException e) {
                            // the server went away under this request: the outcome of ticket i is unknown
                            connectionErrors.incrementAndGet();
                            if (restart == null) {
                                throw e;
                            }
                            up[0].await(); // wait for the restart, then go on with the next ticket
                        }
                    }
                    return null;
                }));
            }
            TestServer restarted = null;
            if (restart != null) {
                if (!half.await(30, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("half of the load never acknowledged");
                }
                acknowledgedAtKill = acknowledged.size();
                restarted = restart.restart();
                target = restarted;
                up[0].countDown();
            }
            pool.shutdown();
            for (Future<?> w : workers) {
                w.get(30, TimeUnit.MINUTES);
            }
            return restarted;
        }

        static String body(int i) {
            return "{\"subject\": \"Reliability " + i + "\", \"body\": \"" + TEXTS[i % TEXTS.length]
                    + " reliability-marker-" + i + "-x\", \"customer_email\": \"load" + i + "@example.com\"}";
        }

        static String reference(String json) {
            try (JsonReader r = Json.createReader(new StringReader(json))) {
                return r.readObject().getString("reference");
            }
        }
    }

    /** What the API lists after the run: every reference and marker, with how often each appears. */
    record Census(long total, Map<String, Integer> references, Map<Integer, Integer> markers) {}

    static Census census(TestServer server) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, Integer> references = new HashMap<>();
        Map<Integer, Integer> markers = new HashMap<>();
        long total = 0;
        String path = "/api/tickets?limit=500";
        while (path != null) {
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(server.url(path))
                            .header("Authorization", Credentials.ADMIN_BASIC)
                            .timeout(Duration.ofSeconds(120))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            JsonObject page;
            try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
                page = reader.readObject();
            }
            for (JsonValue v : page.getJsonArray("items")) {
                JsonObject t = v.asJsonObject();
                total++;
                references.merge(t.getString("reference"), 1, Integer::sum);
                Matcher m = MARKER.matcher(t.getString("body"));
                if (m.find()) {
                    markers.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
                }
            }
            path = page.isNull("next_before") ? null : "/api/tickets?limit=500&before=" + page.getString("next_before");
        }
        return new Census(total, references, markers);
    }

    record Result(String name, Load load, Census census, long millis) {

        long lost() {
            return load.acknowledged.entrySet().stream()
                    .filter(e -> !census.references().containsKey(e.getValue())
                            || !Integer.valueOf(1).equals(census.markers().get(e.getKey())))
                    .count();
        }

        long duplicates() {
            return census.references().values().stream().filter(c -> c > 1).count()
                    + census.markers().values().stream().filter(c -> c > 1).count();
        }

        String line() {
            return String.format(
                    "[reliability] %s (%s): tickets sent %d, acknowledged %d, found %d, lost %d, "
                            + "duplicates %d, 5xx %d, time %.1f s (%.0f tickets/s)",
                    name,
                    db.kind,
                    load.n,
                    load.acknowledged.size(),
                    census.markers().size(),
                    lost(),
                    duplicates(),
                    load.serverErrors.get(),
                    millis / 1000.0,
                    load.n * 1000.0 / Math.max(1, millis));
        }

        void assertNothingLost() {
            assertEquals(0, load.serverErrors.get(), "5xx answers: " + load.serverErrorSamples);
            assertEquals(0, lost(), "acknowledged tickets missing or stored twice: " + line());
            assertEquals(0, duplicates(), "tickets listed twice: " + line());
            assertTrue(load.otherStatuses.isEmpty(), "answers other than 201: " + load.otherStatuses);
        }
    }
}
