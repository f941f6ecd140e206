import io.ticketrouter.it.DashboardSocket;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.websocket.ClientEndpointConfig;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark (not a test) of dashboard pushes: one dashboard WebSocket on /ws/tickets, N tickets posted (once one at
 * a time, once from C concurrent clients), and for each ticket the time from its 201 answer to its "created" push.
 * The dashboard is the integration tests' {@link DashboardSocket}. Run through src/bench/push-latency.sh, which
 * supplies the class path (the test classes included), the server URL and the credentials.
 */
public final class PushLatency {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
        int tickets = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        String authorization = "Basic " + Base64.getEncoder().encodeToString(
                (System.getenv("TR_USER") + ":" + System.getenv("TR_PASSWORD")).getBytes(StandardCharsets.UTF_8));

        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> headers) {
                        headers.put("Authorization", List.of(authorization));
                    }
                }).build();
        URI ws = URI.create((base.getScheme().equals("https") ? "wss" : "ws") + "://" + base.getRawAuthority()
                + base.getRawPath() + "ws/tickets");
        // open once the server has registered the session (its pong to a ping proves it), every message timed
        try (DashboardSocket dashboard = DashboardSocket.open(ws, config)) {
            System.out.printf(Locale.ROOT, "# machine: %d cores, load average %s%n",
                    Runtime.getRuntime().availableProcessors(), loadAverage());
            System.out.printf(Locale.ROOT, "# warm-up: %d tickets one at a time (not counted)%n", Math.min(50, tickets));
            run(dashboard, base, authorization, Math.min(50, tickets), 1);
            report("sequential", dashboard, run(dashboard, base, authorization, tickets, 1));
            report("concurrency " + concurrency, dashboard, run(dashboard, base, authorization, tickets, concurrency));
        }
    }

    /** When the dashboard got each ticket's "created" push (the first one), by reference. */
    private static Map<String, Long> pushed(DashboardSocket dashboard) {
        Map<String, Long> at = new HashMap<>();
        for (DashboardSocket.Arrival a : dashboard.arrivals()) {
            if ("created".equals(a.message().getString("type", null))) {
                at.putIfAbsent(a.message().getString("reference"), a.nanoTime());
            }
        }
        return at;
    }

    /** When a ticket's POST was sent and when its 201 was read. */
    private record Sent(long sentAt, long acknowledgedAt) {
    }

    /** Posts the tickets from {@code clients} clients; returns each ticket's reference and its times. */
    private static Map<String, Sent> run(DashboardSocket dashboard, URI base, String authorization, int tickets,
            int clients) throws Exception {
        Map<String, Sent> acknowledged = new ConcurrentHashMap<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < tickets; ) {
                        long sent = System.nanoTime();
                        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve("api/tickets"))
                                .header("Authorization", authorization).header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"subject\": \"push-latency bench " + i
                                        + "\", \"body\": \"Benchmark ticket " + i + ": the VPN client disconnects every "
                                        + "ten minutes since the last update.\"}")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        long at = System.nanoTime();
                        if (r.statusCode() == 201) {
                            acknowledged.put(parse(r.body()).getString("reference"), new Sent(sent, at));
                        } else if (failures.size() < 5) {
                            failures.add(r.statusCode() + " " + r.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(30, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("POST /api/tickets failed: " + failures);
        }
        // the last pushes (bounded: a push that never comes is reported as missing)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!pushed(dashboard).keySet().containsAll(acknowledged.keySet()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return acknowledged;
    }

    private static void report(String run, DashboardSocket dashboard, Map<String, Sent> acknowledged) {
        Map<String, Long> pushes = pushed(dashboard);
        List<Double> millis = new ArrayList<>();
        List<Double> fromSend = new ArrayList<>();
        int missing = 0;
        int beforeAnswer = 0;
        for (Map.Entry<String, Sent> e : acknowledged.entrySet()) {
            Long pushed = pushes.get(e.getKey());
            if (pushed == null) {
                missing++;
                continue;
            }
            double ms = (pushed - e.getValue().acknowledgedAt()) / 1e6;
            if (ms < 0) {
                beforeAnswer++; // the push overtook the client's reading of the 201: counted as 0
            }
            millis.add(Math.max(0, ms));
            fromSend.add((pushed - e.getValue().sentAt()) / 1e6);
        }
        millis.sort(null);
        fromSend.sort(null);
        System.out.printf(Locale.ROOT, "[push-latency] %s: %d tickets, %d pushes, %d missing, %d before the 201 was "
                        + "read; 201 -> push p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; POST sent -> push p50 "
                        + "%.1f ms, p99 %.1f ms, max %.1f ms%n", run,
                acknowledged.size(), millis.size(), missing, beforeAnswer, pct(millis, 50), pct(millis, 90),
                pct(millis, 99), pct(millis, 100), pct(fromSend, 50), pct(fromSend, 99), pct(fromSend, 100));
    }

    /** Nearest-rank percentile. */
    private static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static JsonObject parse(String text) {
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            return r.readObject();
        }
    }
}
