package io.ticketrouter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.HandshakeResponse;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two Payara Micro members (A and B) of one cluster on the shared PostgreSQL database, started like
 * {@code ./ticket-router serve --cluster}: free HTTP ports, free data-grid ports, TCP/IP discovery on 127.0.0.1 only and
 * a cluster name of this run's own, so no other cluster on this machine ever joins.
 *
 * <ul>
 *   <li>a ticket submitted, corrected and deleted through A reaches a dashboard on B, and every dashboard (on A and
 *       on B) gets each change exactly once; a model reload on A is announced on B; the delays are printed, not
 *       asserted (waits are liveness bounds of {@link DashboardSocket#BOUND});</li>
 *   <li>a load spread over A and B with a {@code kill -9} of A half-way: B keeps answering (no 5xx, no connection
 *       error), every ticket acknowledged with a 201 by either member is in the database exactly once, and B's
 *       dashboard keeps receiving B's tickets. The figures are printed as the last lines ({@code [cluster] ...}).</li>
 * </ul>
 *
 * <p>PostgreSQL only: two members cannot share the embedded H2 file, so the H2 run skips this class (and without a
 * reachable PostgreSQL the PostgreSQL run skips it, except with {@code CI=true}; see {@link Database}).
 */
@EnabledIfSystemProperty(
        named = "it.db",
        matches = "postgresql",
        disabledReason = "cluster members share the PostgreSQL database; the embedded H2 file cannot be shared")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final int TICKETS = Integer.getInteger("it.cluster.tickets", 2_000);
    static final int CLIENTS = Integer.getInteger("it.cluster.clients", 8);
    private static final Pattern MARKER = Pattern.compile("cluster-marker-([0-9]+)-x");

    // ---- Authentication: the only place that knows how these tests sign in -------------------------------------
    // Every HTTP request and the WebSocket handshake send the first admin's credentials; the servers are started with
    // that password (system property and environment variable) and without the ticket rate limit.

    private static final String ADMIN_PASSWORD = "cluster-it-" + Long.toHexString(new SecureRandom().nextLong());
    private static final String AUTHORIZATION =
            "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    static Map<String, String> authServerProperties() {
        return Map.of(
                "ticketrouter.admin.initial-password",
                ADMIN_PASSWORD,
                "ticketrouter.ratelimit.tickets-per-minute",
                "0");
    }

    static Map<String, String> authServerEnvironment() {
        return Map.of("TICKET_ROUTER_ADMIN_PASSWORD", ADMIN_PASSWORD);
    }

    static HttpRequest.Builder request(TestServer server, String path) {
        return HttpRequest.newBuilder(server.url(path))
                .header("Authorization", AUTHORIZATION)
                .timeout(Duration.ofSeconds(60));
    }

    static ClientEndpointConfig webSocketConfig() {
        return ClientEndpointConfig.Builder.create()
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> headers) {
                        headers.put("Authorization", List.of(AUTHORIZATION));
                    }

                    @Override
                    public void afterResponse(HandshakeResponse response) {
                        // nothing to check
                    }
                })
                .build();
    }
    // ---- end of authentication ----------------------------------------------------------------------------------

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final List<String> FIGURES = new CopyOnWriteArrayList<>();
    private static Database db;
    private static TestServer a;
    private static TestServer b;
    /** One webhook receiver both members send every ticket event to. */
    private static WebhookReceiver hooks;

    @BeforeAll
    static void startTwoMembers() throws Exception {
        TestModel.require();
        db = Database.forThisRun("cluster");
        hooks = WebhookReceiver.down("/hooks/cluster").up();
        String clusterName = "tr-it-" + UUID.randomUUID().toString().substring(0, 8);
        int gridA = Ports.pick();
        int gridB = Ports.pick();
        long start = System.nanoTime();
        CompletableFuture<TestServer> startA =
                CompletableFuture.supplyAsync(() -> member("A", clusterName, gridA, List.of(gridA, gridB)));
        CompletableFuture<TestServer> startB =
                CompletableFuture.supplyAsync(() -> member("B", clusterName, gridB, List.of(gridA, gridB)));
        // each start has its own bound (TestServer.START_TIMEOUT); this one only keeps a hung start from hanging here
        long bound = TestServer.START_TIMEOUT.toSeconds() + 120;
        try {
            a = startA.get(bound, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            startA.thenAccept(ClusterIT::closeQuietly); // a member that comes up after all must not outlive the test
            throw e;
        } finally {
            try {
                b = startB.get(bound, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                startB.thenAccept(ClusterIT::closeQuietly);
                throw e;
            }
        }
        // both applications answer; now wait until each member sees the other in the data grid
        awaitLog(a, "DG Size: 2", Duration.ofSeconds(120));
        awaitLog(b, "DG Size: 2", Duration.ofSeconds(120));
        FIGURES.add(String.format(
                Locale.ROOT,
                "[cluster] two members (cluster %s, data grid 127.0.0.1:%d and :%d, "
                        + "PostgreSQL) up and joined in %.1f s",
                clusterName,
                gridA,
                gridB,
                (System.nanoTime() - start) / 1e9));
    }

    private static void closeQuietly(TestServer server) {
        try {
            server.close();
        } catch (Exception e) {
            System.out.println("[cluster] could not stop " + server + ": " + e);
        }
    }

    private static TestServer member(String name, String clusterName, int gridPort, List<Integer> gridPorts) {
        try {
            Path data = WorkDirs.fresh("cluster-" + name.toLowerCase(Locale.ROOT) + "-data");
            // a fresh log: the data-grid check reads it
            Files.deleteIfExists(TestServer.WORK.resolve("cluster-" + name + ".log"));
            Map<String, String> properties = TestServer.config(data, TestServer.MODEL, db);
            properties.putAll(authServerProperties());
            properties.put("ticketrouter.cluster.member", name);
            properties.put("ticketrouter.webhooks.url", hooks.url());
            properties.put("ticketrouter.webhooks.secret", WebhooksIT.SECRET);
            properties.put("ticketrouter.webhooks.timeout-seconds", "2");
            properties.put("ticketrouter.webhooks.retry.first-seconds", "1");
            return TestServer.start(
                    "cluster-" + name,
                    properties,
                    TestServer.clusterArguments(clusterName, "ticket-router-" + name, gridPort, gridPorts),
                    authServerEnvironment());
        } catch (Exception e) {
            throw new IllegalStateException("member " + name + " did not start: " + e.getMessage(), e);
        }
    }

    @AfterAll
    static void stopAndReport() throws Exception {
        try {
            if (a != null) {
                a.close();
            }
        } finally {
            if (b != null) {
                b.close();
            }
            if (hooks != null) {
                hooks.close();
            }
            // the figures, as the last lines of this class
            FIGURES.forEach(System.out::println);
        }
    }

    /**
     * Created, corrected and deleted on A: on B's dashboard; a ticket through B on A's; a model reload on A announced
     * on B; each dashboard gets each change exactly once.
     */
    @Test
    @Order(1)
    void changesOnOneMemberReachDashboardsOnTheOtherExactlyOnce() throws Exception {
        try (DashboardSocket onA = dashboard(a);
                DashboardSocket onB = dashboard(b)) {
            List<Long> delays = new ArrayList<>();
            List<String> references = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> created = send(
                        a,
                        "POST",
                        "/api/tickets",
                        "{\"subject\": \"Cluster push " + i
                                + "\", \"body\": \"Since the update the VPN client disconnects every ten minutes and I lose my "
                                + "work (cluster push " + i + ").\"}");
                long acknowledged = System.nanoTime();
                assertEquals(201, created.statusCode(), created.body());
                String reference = json(created.body()).getString("reference");
                references.add(reference);
                delays.add(millisAfter(onB.await("created", reference), acknowledged));
            }
            String reference = references.get(0);
            HttpResponse<String> corrected = send(
                    a,
                    "PATCH",
                    "/api/tickets/" + reference,
                    "{\"priority\": \"high\", \"note\": \"corrected on member A\"}");
            long correctedAt = System.nanoTime();
            assertEquals(200, corrected.statusCode(), corrected.body());
            long correctionDelay = millisAfter(onB.await("updated", reference), correctedAt);
            HttpResponse<String> deleted = send(a, "DELETE", "/api/tickets/" + reference, null);
            long deletedAt = System.nanoTime();
            assertEquals(204, deleted.statusCode(), deleted.body());
            long deletionDelay = millisAfter(onB.await("deleted", reference), deletedAt);

            // and the other way round: a ticket submitted through B shows on A's dashboard
            HttpResponse<String> onBCreated = send(
                    b,
                    "POST",
                    "/api/tickets",
                    "{\"body\": \"The office printer "
                            + "prints nothing since yesterday and shows a paper error (submitted through member B).\"}");
            long onBAcknowledged = System.nanoTime();
            assertEquals(201, onBCreated.statusCode(), onBCreated.body());
            String fromB = json(onBCreated.body()).getString("reference");
            long reverseDelay = millisAfter(onA.await("created", fromB), onBAcknowledged);

            // a model reload on A is announced on B's dashboard, naming member A
            HttpResponse<String> reload = send(a, "POST", "/api/model/reload", null);
            long reloadedAt = System.nanoTime();
            assertEquals(200, reload.statusCode(), reload.body());
            Predicate<JsonObject> reloadOnA =
                    m -> "model".equals(m.getString("type", null)) && "A".equals(m.getString("member", null));
            long modelDelay = millisAfter(onB.await(reloadOnA, "model reload on A"), reloadedAt);

            // Every expected message has arrived. A duplicate may still be on its way: a fence ticket through each
            // member, seen on both dashboards, comes after anything sent before it.
            awaitFences(onA, onB);
            for (String ref : references) {
                assertOnceOnEach(onB, onA, "created", ref, ref + " created");
            }
            assertOnceOnEach(onB, onA, "updated", reference, "correction");
            assertOnceOnEach(onB, onA, "deleted", reference, "deletion");
            assertOnceOnEach(onB, onA, "created", fromB, "B's ticket");
            assertEquals(
                    1,
                    onB.count(m -> "model".equals(m.getString("type", null))),
                    "one model message on B (A's reload; B's own model did not change)");
            assertEquals(1, onA.count(reloadOnA), "A's own dashboard is told about A's reload once");
            // this test's own tickets: five through A (one deleted), one through B, two fences
            long ticketMessagesOnB = onB.count(m -> m.containsKey("reference"));
            assertEquals(
                    5 + 1 + 1 + 1 + 2,
                    ticketMessagesOnB,
                    "ticket messages on B: 6 created, 1 corrected, 1 deleted, 2 fences");
            assertEquals(ticketMessagesOnB, onA.count(m -> m.containsKey("reference")), "A's dashboard got the same");

            FIGURES.add(String.format(
                    Locale.ROOT,
                    "[cluster] pushes A -> B: created %s ms, corrected %d ms, deleted "
                            + "%d ms, B -> A created %d ms, model reload on A announced on B after %d ms; every change on "
                            + "each dashboard exactly once",
                    delays,
                    correctionDelay,
                    deletionDelay,
                    reverseDelay,
                    modelDelay));
        }
    }

    /**
     * A ticket created through A is among the similar tickets B answers with, soon: B's index is fed by the change
     * messages that reach B's dashboards, not only by its periodic catch-up with the database.
     */
    @Test
    @Order(2)
    void aTicketCreatedOnOneMemberIsSimilarOnTheOther() throws Exception {
        String word = "quandrix" + System.nanoTime() % 100_000;
        HttpResponse<String> onB = send(
                b,
                "POST",
                "/api/tickets",
                "{\"subject\": \"The " + word + " badge reader\", \"body\": \"The " + word
                        + " badge reader at the main door rejects every badge.\"}");
        assertEquals(201, onB.statusCode(), onB.body());
        String question = json(onB.body()).getString("reference");
        HttpResponse<String> onA = send(
                a,
                "POST",
                "/api/tickets",
                "{\"subject\": \"Badge reader " + word + "\", \"body\": \"Our " + word
                        + " badge reader rejects all badges since this morning.\"}");
        long acknowledged = System.nanoTime();
        assertEquals(201, onA.statusCode(), onA.body());
        String fromA = json(onA.body()).getString("reference");
        long deadline = acknowledged + Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpResponse<String> similar = send(b, "GET", "/api/tickets/" + question + "/similar", null);
            assertEquals(200, similar.statusCode(), similar.body());
            if (similar.body().contains("\"" + fromA + "\"")) {
                break;
            }
            assertTrue(System.nanoTime() < deadline, "B never showed A's ticket as similar: " + similar.body());
            Thread.sleep(20);
        }
        FIGURES.add(String.format(
                Locale.ROOT,
                "[cluster] a ticket created on A was among B's similar tickets after %d ms",
                (System.nanoTime() - acknowledged) / 1_000_000));
    }

    /** A ticket through A and one through B, each awaited on both dashboards (the "exactly once" fence). */
    private static void awaitFences(DashboardSocket... dashboards) throws Exception {
        for (TestServer member : List.of(a, b)) {
            HttpResponse<String> fence = send(
                    member,
                    "POST",
                    "/api/tickets",
                    "{\"subject\": \"Fence\", \"body\": "
                            + "\"A fence ticket: everything sent before it has arrived once this one has.\"}");
            assertEquals(201, fence.statusCode(), fence.body());
            String reference = json(fence.body()).getString("reference");
            for (DashboardSocket d : dashboards) {
                d.await("created", reference);
            }
        }
    }

    /**
     * {@value #TICKETS} tickets from {@value #CLIENTS} clients, half of them sending to A and half to B; A is killed
     * ({@code kill -9}) once half are acknowledged, and A's clients go on with B, as behind a load balancer.
     */
    @Test
    @Order(3)
    void loadOverBothMembersWithAKillOfA() throws Exception {
        try (DashboardSocket onB = dashboard(b)) {
            Load load = new Load();
            long start = System.nanoTime();
            load.run();
            long millis = (System.nanoTime() - start) / 1_000_000;
            List<Ticket> fromB = load.acknowledged.values().stream()
                    .filter(t -> t.member() == b)
                    .toList();
            // the last pushes: wait until B's dashboard has every ticket B acknowledged (a miss is reported below),
            // then for a fence ticket through B, after which nothing sent earlier is still on its way
            Set<String> seenOnB = new HashSet<>();
            try {
                Eventually.until(Duration.ofSeconds(60), "B's tickets on B's dashboard", () -> {
                    onB.arrivals().forEach(x -> seenOnB.add(x.message().getString("reference", "")));
                    return fromB.stream().allMatch(t -> seenOnB.contains(t.reference()));
                });
            } catch (AssertionError stillMissing) {
                // counted and asserted below, after the figures
            }
            HttpResponse<String> fence = send(
                    b,
                    "POST",
                    "/api/tickets",
                    "{\"subject\": \"Fence\", \"body\": "
                            + "\"A fence ticket after the load, through the surviving member.\"}");
            assertEquals(201, fence.statusCode(), fence.body());
            onB.await("created", json(fence.body()).getString("reference"));
            Map<String, Long> createdOnB = onB.arrivals().stream()
                    .filter(x -> "created".equals(x.message().getString("type", null)))
                    .collect(Collectors.groupingBy(x -> x.message().getString("reference"), Collectors.counting()));

            // the database, read directly: every acknowledged ticket exactly once, nothing stored twice
            Map<String, Integer> references = new HashMap<>();
            Map<Integer, Integer> markers = new HashMap<>();
            for (String[] row : db.referencesAndBodies()) {
                Matcher m = MARKER.matcher(row[1]);
                if (m.find()) {
                    references.merge(row[0], 1, Integer::sum);
                    markers.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
                }
            }
            long lost = load.acknowledged.entrySet().stream()
                    .filter(e -> !references.containsKey(e.getValue().reference())
                            || !Integer.valueOf(1).equals(markers.get(e.getKey())))
                    .count();
            long duplicates = markers.values().stream().filter(c -> c > 1).count();
            long byA = load.acknowledged.values().stream()
                    .filter(t -> t.member() == a)
                    .count();
            long byB = load.acknowledged.size() - byA;

            // B's dashboard: every ticket B acknowledged, exactly once, also after the kill
            long missingOnB = fromB.stream()
                    .filter(t -> !createdOnB.containsKey(t.reference()))
                    .count();
            long twiceOnB = createdOnB.values().stream().filter(c -> c > 1).count();
            long afterKill = fromB.stream()
                    .filter(t -> t.acknowledgedAt() > load.killedAt)
                    .count();
            long afterKillSeen = fromB.stream()
                    .filter(t -> t.acknowledgedAt() > load.killedAt)
                    .filter(t -> createdOnB.containsKey(t.reference()))
                    .count();
            long relayedFromA = load.acknowledged.values().stream()
                    .filter(t -> t.member() == a)
                    .filter(t -> createdOnB.containsKey(t.reference()))
                    .count();
            Map<String, Long> firstOnB = new HashMap<>();
            for (DashboardSocket.Arrival x : onB.arrivals()) {
                firstOnB.putIfAbsent(x.message().getString("reference", ""), x.nanoTime());
            }
            long slowestOnB = fromB.stream()
                    .filter(t -> firstOnB.containsKey(t.reference()))
                    .mapToLong(t -> Math.max(0, firstOnB.get(t.reference()) - t.acknowledgedAt()) / 1_000_000)
                    .max()
                    .orElse(-1);
            HttpResponse<String> api = send(b, "GET", "/api", null);

            FIGURES.add(String.format(
                    Locale.ROOT,
                    "[cluster] load with kill -9 of A (postgresql): tickets sent %d, "
                            + "acknowledged %d (A %d, B %d), outcome unknown (A killed under the request) %d, found %d, "
                            + "lost %d, duplicates %d, B 5xx %d, B connection errors %d, A 5xx %d, other answers %s, "
                            + "time %.1f s (%.0f tickets/s), A killed after %d acknowledged",
                    TICKETS,
                    load.acknowledged.size(),
                    byA,
                    byB,
                    load.unknown.get(),
                    markers.size(),
                    lost,
                    duplicates,
                    load.serverErrorsB.get(),
                    load.connectionErrorsB.get(),
                    load.serverErrorsA.get(),
                    load.otherStatuses,
                    millis / 1000.0,
                    TICKETS * 1000.0 / Math.max(1, millis),
                    load.acknowledgedAtKill));
            FIGURES.add(String.format(
                    Locale.ROOT,
                    "[cluster] B's dashboard during the load: %d of B's %d tickets "
                            + "received (%d of %d acknowledged after the kill), %d twice, slowest %d ms after the 201; %d "
                            + "of A's %d tickets relayed from A; B answers GET /api after the load: %d",
                    fromB.size() - missingOnB,
                    fromB.size(),
                    afterKillSeen,
                    afterKill,
                    twiceOnB,
                    slowestOnB,
                    relayedFromA,
                    byA,
                    api.statusCode()));

            assertEquals(0, load.serverErrorsB.get(), "5xx from B: " + load.serverErrorSamples);
            assertEquals(0, load.connectionErrorsB.get(), "B must keep answering");
            assertEquals(0, lost, "acknowledged tickets missing from the database or stored twice");
            assertEquals(0, duplicates, "tickets stored twice");
            assertTrue(load.otherStatuses.isEmpty(), "answers other than 201: " + load.otherStatuses);
            assertEquals(
                    TICKETS,
                    load.acknowledged.size() + load.unknown.get() + load.serverErrorsA.get(),
                    "every ticket sent was acknowledged, or sent to A as it was killed");
            assertTrue(
                    markers.size() <= load.acknowledged.size() + load.unknown.get() + load.serverErrorsA.get(),
                    "more tickets stored than acknowledged or cut by the kill of A: " + markers.size());
            assertTrue(
                    load.acknowledgedAtKill >= TICKETS / 2 && byA > 0,
                    "A was killed once half the tickets were acknowledged, some of them by A: "
                            + load.acknowledgedAtKill);
            assertTrue(afterKill > 0, "B acknowledged tickets after A was killed");
            assertEquals(0, missingOnB, "B's dashboard receives every ticket B acknowledged");
            assertEquals(0, twiceOnB, "B's dashboard receives each ticket once");
            assertEquals(200, api.statusCode(), "B still answers after the load");
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    /** One acknowledged ticket: its reference, the member that answered 201, and when. */
    record Ticket(String reference, TestServer member, long acknowledgedAt) {}

    /** The load: clients 0, 2, 4 ... send to A, clients 1, 3, 5 ... to B; A is killed half-way. */
    static final class Load {

        final AtomicInteger next = new AtomicInteger();
        final Map<Integer, Ticket> acknowledged = new ConcurrentHashMap<>();
        final AtomicLong serverErrorsA = new AtomicLong();
        final AtomicLong serverErrorsB = new AtomicLong();
        final AtomicLong connectionErrorsB = new AtomicLong();
        final AtomicLong unknown = new AtomicLong();
        final Map<Integer, AtomicLong> otherStatuses = new ConcurrentHashMap<>();
        final List<String> serverErrorSamples = new CopyOnWriteArrayList<>();
        volatile boolean killed;
        volatile long killedAt = Long.MAX_VALUE;
        volatile int acknowledgedAtKill = -1;

        void run() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
            try {
                Future<?> killer = pool.submit(() -> {
                    long deadline = System.currentTimeMillis() + 600_000;
                    while (acknowledged.size() < TICKETS / 2 && System.currentTimeMillis() < deadline) {
                        Thread.sleep(5);
                    }
                    acknowledgedAtKill = acknowledged.size();
                    killed = true;
                    killedAt = System.nanoTime();
                    a.kill();
                    return null;
                });
                List<Future<?>> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    boolean toA = c % 2 == 0;
                    clients.add(pool.submit(() -> client(toA)));
                }
                for (Future<?> f : clients) {
                    f.get(15, TimeUnit.MINUTES);
                }
                killer.get(1, TimeUnit.MINUTES);
            } finally {
                pool.shutdownNow();
            }
        }

        private Void client(boolean toA) throws Exception {
            boolean useA = toA;
            int i;
            while ((i = next.getAndIncrement()) < TICKETS) {
                TestServer target = useA && !killed ? a : b;
                try {
                    HttpResponse<String> r = HTTP.send(
                            request(target, "/api/tickets")
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body(i)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 201) {
                        acknowledged.put(
                                i, new Ticket(json(r.body()).getString("reference"), target, System.nanoTime()));
                    } else if (r.statusCode() >= 500) {
                        (target == b ? serverErrorsB : serverErrorsA).incrementAndGet();
                        if (serverErrorSamples.size() < 5) {
                            serverErrorSamples.add(r.statusCode() + " " + r.body());
                        }
                    } else {
                        otherStatuses
                                .computeIfAbsent(r.statusCode(), k -> new AtomicLong())
                                .incrementAndGet();
                    }
                } catch (IOException e) {
                    if (target == b) {
                        connectionErrorsB.incrementAndGet();
                    } else {
                        // A went away under this request: it may or may not have stored ticket i; go on with B
                        unknown.incrementAndGet();
                        useA = false;
                    }
                }
            }
            return null;
        }

        static String body(int i) {
            String[] texts = {
                "My card was charged twice for the last invoice, please refund one of the payments.",
                "Seit dem Update kann ich mich nicht mehr im Portal anmelden, das Passwort wird abgelehnt.",
                "El portátil nuevo no enciende después de la actualización del sistema, necesito ayuda urgente.",
                "Je voudrais savoir si votre logiciel peut être intégré à notre système de gestion des stocks.",
            };
            return "{\"subject\": \"Cluster " + i + "\", \"body\": \"" + texts[i % texts.length] + " cluster-marker-"
                    + i + "-x\"}";
        }
    }

    /**
     * Both members send webhooks from the one outbox in the database: every ticket stored, whichever member took it
     * (A's too, up to its {@code kill -9}), reached the receiver with its {@code ticket.created} first, and an event
     * came twice at most when A died while sending it (then with the same id), never once per member.
     */
    @Test
    @Order(4)
    void everyTicketEventLeavesTheClusterOnceWhicheverMemberMadeIt() throws Exception {
        Set<String> stored = new HashSet<>();
        String before = null;
        do {
            HttpResponse<String> page =
                    send(b, "GET", "/api/tickets?limit=500" + (before == null ? "" : "&before=" + before), null);
            assertEquals(200, page.statusCode(), page.body());
            JsonObject list = json(page.body());
            list.getJsonArray("items").forEach(t -> stored.add(t.asJsonObject().getString("reference")));
            before = list.isNull("next_before") ? null : list.getString("next_before");
        } while (before != null);
        Eventually.until(
                Duration.ofSeconds(60),
                "every stored ticket's ticket.created reached the receiver",
                () -> createdEvents(hooks.received()).keySet().containsAll(stored),
                () -> stored.size() + " tickets stored, "
                        + createdEvents(hooks.received()).size() + " created events received");
        Map<String, Integer> arrivals = new HashMap<>();
        Map<String, String> firstType = new HashMap<>();
        for (WebhookReceiver.Received r : hooks.received()) {
            JsonObject event = json(r.body());
            arrivals.merge(event.getString("id"), 1, Integer::sum);
            firstType.putIfAbsent(event.getJsonObject("ticket").getString("reference"), event.getString("type"));
        }
        long twice = arrivals.values().stream().filter(n -> n > 1).count();
        FIGURES.add(String.format(
                Locale.ROOT,
                "[cluster] webhooks: %d events from both members, %d tickets stored, %d events came twice (sent by A"
                        + " when it was killed)",
                arrivals.size(),
                stored.size(),
                twice));
        assertTrue(twice <= 4, "only what A was sending when it died (at most 4 at a time) may come again: " + twice);
        firstType.forEach((reference, type) ->
                assertEquals("ticket.created", type, "the first event of " + reference + " is its creation"));
    }

    private static Map<String, WebhookReceiver.Received> createdEvents(List<WebhookReceiver.Received> all) {
        Map<String, WebhookReceiver.Received> created = new HashMap<>();
        for (WebhookReceiver.Received r : all) {
            JsonObject event = json(r.body());
            if ("ticket.created".equals(event.getString("type"))) {
                created.putIfAbsent(event.getJsonObject("ticket").getString("reference"), r);
            }
        }
        return created;
    }

    /** A dashboard socket on one member, signed in as this class's admin, registered before it is returned. */
    private static DashboardSocket dashboard(TestServer member) throws Exception {
        return DashboardSocket.open(member.port(), webSocketConfig());
    }

    /** The message of this type about this ticket reached B's and A's dashboard exactly once each. */
    private static void assertOnceOnEach(
            DashboardSocket onB, DashboardSocket onA, String type, String reference, String what) {
        assertEquals(1, onB.count(DashboardSocket.about(type, reference)), what + " on B's dashboard exactly once");
        assertEquals(1, onA.count(DashboardSocket.about(type, reference)), what + " on A's dashboard exactly once");
    }

    private static long millisAfter(DashboardSocket.Arrival arrival, long since) {
        return Math.max(0, arrival.nanoTime() - since) / 1_000_000;
    }

    private static HttpResponse<String> send(TestServer server, String method, String path, String json)
            throws Exception {
        HttpRequest.Builder r = request(server, path)
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            r.header("Content-Type", "application/json");
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static void awaitLog(TestServer server, String text, Duration bound) {
        Eventually.until(bound, "\"" + text + "\" never appeared in " + server.logFile(), () -> {
            try {
                return Files.readString(server.logFile(), StandardCharsets.ISO_8859_1)
                        .contains(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
