package io.ticketrouter.it;

import static io.ticketrouter.it.Http.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.cli.TicketRouterCommand;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The learning loop on a real server: agents correct tickets, {@code export} writes them as training data while the
 * server runs, {@code train} builds a new bundle into the watched model directory, the server swaps it in live (a
 * corrupt bundle before it is refused while the old model keeps serving), dashboards are told, old tickets keep their
 * version; {@code /metrics} and {@code /api/model/quality} follow the tickets.
 */
class LearningIT {

    /** Stopped after all tests; still null when the start failed, and then skipped by AutoClose. */
    @AutoClose
    private static TestServer server;

    private static Http http;
    private static Database db;
    private static Path data;
    private static Path models;

    @BeforeAll
    static void start() throws Exception {
        db = Database.forThisRun("learning");
        TestModel.require();
        data = WorkDirs.fresh("learning-" + db.kind + "-data");
        models = TestServer.WORK.resolve("learning-" + db.kind + "-models");
        WorkDirs.delete(models);
        WorkDirs.copy(TestServer.MODEL, models);
        Map<String, String> config = TestServer.config(data, models, db);
        config.put("ticketrouter.models.watch.seconds", "1");
        config.put("ticketrouter.quality.cache.seconds", "0");
        server = TestServer.start("learning-" + db.kind, config);
        http = new Http(server);
        // the application answers /api before the bundle has finished loading on a busy machine
        Eventually.until(
                Duration.ofSeconds(120),
                "the model is loaded (GET /health/ready answers 200)",
                () -> unchecked(() -> http.get("/health/ready").status() == 200));
    }

    @Test
    void metricsExposeTheCountersAndTheyMoveWhenTicketsArrive() throws Exception {
        String start = metrics();
        JsonObject qualityBefore = http.get("/api/model/quality").json();
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    201,
                    http.post(
                                    "/api/tickets",
                                    "{\"subject\": \"Invoice " + i + "\", \"body\": "
                                            + "\"I was charged twice for my subscription this month, please refund one payment.\"}")
                            .status());
        }
        assertEquals(
                200,
                http.post("/api/predict", "{\"body\": \"The VPN disconnects every ten minutes.\"}")
                        .status());
        String text = metrics();
        assertEquals(
                sum(start, "ticketrouter_tickets_classified_total{") + 3,
                sum(text, "ticketrouter_tickets_classified_total{"),
                0.001,
                text);
        assertTrue(text.contains("queue=\"") && text.contains("priority=\""), "tagged by queue and priority:\n" + text);
        assertEquals(
                sum(start, "ticketrouter_tickets_routed_total{") + 3,
                sum(text, "ticketrouter_tickets_routed_total{"),
                0.001,
                text);
        assertEquals(
                sum(start, "ticketrouter_classification_count") + 4,
                sum(text, "ticketrouter_classification_count"),
                0.001,
                "latency timer: three tickets and one prediction\n" + text);

        JsonObject quality = http.get("/api/model/quality").json();
        assertEquals(
                qualityBefore.getJsonObject("overall").getInt("tickets") + 3,
                quality.getJsonObject("overall").getInt("tickets"),
                quality.toString());
        assertEquals(
                qualityBefore.getJsonObject("latency").getInt("count") + 4,
                quality.getJsonObject("latency").getInt("count"),
                quality.toString());
        // the gauges exist once the figures were computed
        assertTrue(metrics().contains("ticketrouter_queue_agreement_ratio"), "agreement gauge");
    }

    @Test
    void correctionsAreExportedRetrainedAndTheNewModelSwapsInLive() throws Exception {
        String v1 = servingVersion();
        List<String> queues =
                http.get("/api/model").json().getJsonArray("queues").getValuesAs(JsonValue::toString).stream()
                        .map(s -> s.substring(1, s.length() - 1))
                        .toList();

        // tickets, three of them corrected by an agent
        List<String> references = new ArrayList<>();
        String[] bodies = {
            "My laptop does not start after the last update, the screen stays black.",
            "Please send me an offer for fifty licences of your software for our company.",
            "The parcel arrived damaged and I would like to return it for a refund.",
            "Our online shop is down since nine o'clock, customers cannot pay."
        };
        for (String body : bodies) {
            Http.Answer created = http.post("/api/tickets", "{\"body\": " + q(body) + "}");
            assertEquals(201, created.status(), created.toString());
            references.add(created.json().getString("reference"));
        }
        for (int i = 0; i < 3; i++) {
            JsonObject t = http.get("/api/tickets/" + references.get(i)).json();
            String predicted = t.getJsonObject("queue").getString("label");
            String other = queues.stream()
                    .filter(qn -> !qn.equals(predicted))
                    .filter(qn -> !qn.equals(t.getString("final_queue")))
                    .findFirst()
                    .orElseThrow();
            Http.Answer patched = http.patch(
                    "/api/tickets/" + references.get(i), "{\"queue\": " + q(other) + ", \"priority\": \"high\"}");
            assertEquals(200, patched.status(), patched.toString());
        }

        // export while the server runs (H2: AUTO_SERVER; PostgreSQL: ticketrouter.db.* as the server has them)
        Path exported = TestServer.WORK.resolve("learning-" + db.kind + "-corrections.csv");
        Map<String, String> dbProps = db.kind.equals("postgresql") ? db.serverProperties(data) : Map.of();
        dbProps.forEach(System::setProperty);
        int exportCode;
        try {
            exportCode = TicketRouterCommand.commandLine()
                    .execute("export", "--data-dir", data.toString(), "--corrected-only", "--out", exported.toString());
        } finally {
            dbProps.keySet().forEach(System::clearProperty);
        }
        assertEquals(0, exportCode, "export exit code");
        List<String> lines = Files.readAllLines(exported, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("subject,body,queue,priority,language"), lines.get(0));
        assertEquals(3, lines.stream().filter(l -> l.endsWith(",yes")).count(), "three corrected tickets:\n" + lines);

        // a live dashboard connection (registered by the server once open returns) hears about model changes
        try (DashboardSocket socket = DashboardSocket.open(server.port())) {
            // a corrupt bundle is refused, the old model keeps serving
            Files.writeString(models.resolve("bundle.json"), "{ this is not a manifest", StandardCharsets.UTF_8);
            Http.Answer refused = http.post("/api/model/reload", "{}");
            assertEquals(422, refused.status(), refused.toString());
            assertEquals("application/problem+json", refused.contentType());
            assertTrue(refused.json().getString("detail").contains(v1 + " keeps serving"), refused.body());
            assertEquals(v1, servingVersion());
            Http.Answer stillServing = http.post("/api/predict", "{\"body\": \"My printer does not print anymore.\"}");
            assertEquals(200, stillServing.status(), stillServing.toString());
            assertEquals(v1, stillServing.json().getString("model_version"));

            // retrain on the sample plus the corrections, straight into the watched directory (manifest last)
            int trainCode = TicketRouterCommand.commandLine()
                    .execute(
                            "train",
                            "--data",
                            Path.of("data/sample/tickets.csv").toAbsolutePath().toString(),
                            "--data",
                            exported.toString(),
                            "--out",
                            models.toString(),
                            "--trees",
                            "10",
                            "--no-charts");
            assertEquals(0, trainCode, "train exit code");

            String[] swapped = new String[1];
            Eventually.until(Duration.ofSeconds(60), "the watcher swaps the new bundle in", () -> {
                swapped[0] = unchecked(LearningIT::servingVersion);
                return !swapped[0].equals(v1);
            });
            String v2 = swapped[0];
            // the dashboard was told about both, once each: the refusal (v1 keeps serving) and the swap
            JsonObject refusal = socket.await(modelEvent("refused"), "the refusal of the corrupt bundle")
                    .message();
            assertEquals(v1, refusal.getString("version"), refusal.toString());
            JsonObject loaded = socket.await(modelEvent("loaded"), "the swap to the new bundle")
                    .message();
            assertEquals(v2, loaded.getString("version"), loaded.toString());
            assertEquals(v1, loaded.getString("previous_version"), loaded.toString());

            // new tickets get the new version, old tickets keep theirs
            Http.Answer fresh =
                    http.post("/api/tickets", "{\"body\": \"The invoice total is wrong, please correct it.\"}");
            assertEquals(201, fresh.status(), fresh.toString());
            // its push is the fence: model messages sent before it have all arrived
            socket.await("created", fresh.json().getString("reference"));
            // the reload's refusal once; the watcher may have seen the corrupt manifest first, and refuses it once
            // at most (a refused manifest is not retried until it changes)
            assertEquals(1, modelMessages(socket, "refused", "api"), "one refusal of POST /api/model/reload");
            assertTrue(modelMessages(socket, "refused", "watcher") <= 1, "the watcher refuses a manifest once");
            assertEquals(1, modelMessages(socket, "loaded", "watcher"), "one swap, by the watcher");
            assertEquals(0, modelMessages(socket, "loaded", "api"), "no load through the API yet");
            assertEquals(v2, fresh.json().getString("model_version"));
            assertEquals(
                    v1, http.get("/api/tickets/" + references.get(0)).json().getString("model_version"));

            // an explicit reload of the same bundle changes nothing
            JsonObject same = http.post("/api/model/reload", "{}").json();
            assertEquals(v2, same.getString("version"));
            assertEquals(false, same.getBoolean("changed"));

            // quality per model version: the corrections lower v1's agreement
            JsonObject quality = http.get("/api/model/quality").json();
            assertEquals(v2, quality.getString("serving"));
            JsonObject first = quality.getJsonArray("by_model").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(g -> g.getString("key").equals(v1))
                    .findFirst()
                    .orElseThrow();
            assertEquals(3, first.getInt("corrected"), "the three tickets this test corrected: " + first);
            assertTrue(first.getJsonNumber("queue_agreement").doubleValue() < 1.0, first.toString());
            assertTrue(
                    quality.getJsonArray("by_model").stream()
                            .map(JsonValue::asJsonObject)
                            .anyMatch(g -> g.getString("key").equals(v2)),
                    quality.toString());
            assertTrue(metrics().contains("model_version=\"" + v2 + "\""), "gauges per model version");
        }
    }

    /** A call of the HTTP helper inside a condition, its checked exception turned into a failure. */
    private static <T> T unchecked(java.util.concurrent.Callable<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String servingVersion() throws Exception {
        Http.Answer a = http.get("/api");
        assertEquals(200, a.status(), a.toString());
        return a.json().getString("model_version");
    }

    /** A dashboard model message of this event ({@code loaded}, {@code refused}). */
    private static Predicate<JsonObject> modelEvent(String event) {
        return m -> "model".equals(m.getString("type", null)) && event.equals(m.getString("event", null));
    }

    /** How many model messages of this event and trigger the dashboard got. */
    private static long modelMessages(DashboardSocket socket, String event, String trigger) {
        return socket.count(modelEvent(event).and(m -> trigger.equals(m.getString("trigger", null))));
    }

    private static String metrics() throws Exception {
        Http.Answer a = http.get("/metrics", "text/plain");
        assertEquals(200, a.status(), a.toString());
        return a.body();
    }

    /** Sum of the values of every sample line starting with the prefix (Prometheus text format). */
    private static double sum(String text, String prefix) {
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix)) {
                String[] parts = line.trim().split(" ");
                total += Double.parseDouble(parts[parts.length - 1]);
            }
        }
        return total;
    }
}
