package io.ticketrouter.it;

import static io.ticketrouter.it.Http.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.cli.TicketRouterCommand;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The learning loop on a real server: agents correct tickets, {@code export} writes them as training data while the
 * server runs, {@code train} builds a new bundle into the watched model directory, the server swaps it in live (a
 * corrupt bundle before it is refused while the old model keeps serving), dashboards are told, old tickets keep their
 * version; {@code /metrics} and {@code /api/model/quality} follow the tickets.
 */
class LearningIT {

    private static TestServer server;
    private static Http http;
    private static Database db;
    private static Path data;
    private static Path models;

    @BeforeAll
    static void start() throws Exception {
        db = Database.forThisRun("learning");
        TestModel.require();
        data = TestServer.WORK.resolve("learning-" + db.kind + "-data");
        models = TestServer.WORK.resolve("learning-" + db.kind + "-models");
        deleteRecursively(data);
        deleteRecursively(models);
        Files.createDirectories(data);
        copyRecursively(TestServer.MODEL, models);
        Map<String, String> config = TestServer.config(data, models, db);
        config.put("ticketrouter.models.watch.seconds", "1");
        config.put("ticketrouter.quality.cache.seconds", "0");
        server = TestServer.start("learning-" + db.kind, config);
        http = new Http(server);
        // the application answers /api before the bundle has finished loading on a busy machine
        long deadline = System.currentTimeMillis() + 120_000;
        while (http.get("/health/ready").status() != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        assertEquals(200, http.get("/health/ready").status(), "model loaded within 120 s");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void metricsExposeTheCountersAndTheyMoveWhenTicketsArrive() throws Exception {
        double before = sum(metrics(), "ticketrouter_tickets_classified_total{");
        for (int i = 0; i < 3; i++) {
            assertEquals(201, http.post("/api/tickets", "{\"subject\": \"Invoice " + i + "\", \"body\": "
                    + "\"I was charged twice for my subscription this month, please refund one payment.\"}").status());
        }
        assertEquals(200, http.post("/api/predict", "{\"body\": \"The VPN disconnects every ten minutes.\"}").status());
        String text = metrics();
        assertEquals(before + 3, sum(text, "ticketrouter_tickets_classified_total{"), 0.001, text);
        assertTrue(text.contains("queue=\"") && text.contains("priority=\""), "tagged by queue and priority:\n" + text);
        assertTrue(sum(text, "ticketrouter_tickets_routed_total{") >= 3, text);
        assertTrue(sum(text, "ticketrouter_classification_count") >= 4, "latency timer:\n" + text);

        JsonObject quality = http.get("/api/model/quality").json();
        assertTrue(quality.getJsonObject("overall").getInt("tickets") >= 3, quality.toString());
        assertTrue(quality.getJsonObject("latency").getInt("count") >= 4, quality.toString());
        // the gauges exist once the figures were computed
        assertTrue(metrics().contains("ticketrouter_queue_agreement_ratio"), "agreement gauge");
    }

    @Test
    void correctionsAreExportedRetrainedAndTheNewModelSwapsInLive() throws Exception {
        String v1 = servingVersion();
        List<String> queues = http.get("/api/model").json().getJsonArray("queues").getValuesAs(JsonValue::toString)
                .stream().map(s -> s.substring(1, s.length() - 1)).toList();

        // tickets, three of them corrected by an agent
        List<String> references = new ArrayList<>();
        String[] bodies = {"My laptop does not start after the last update, the screen stays black.",
                "Please send me an offer for fifty licences of your software for our company.",
                "The parcel arrived damaged and I would like to return it for a refund.",
                "Our online shop is down since nine o'clock, customers cannot pay."};
        for (String body : bodies) {
            Http.Answer created = http.post("/api/tickets", "{\"body\": " + q(body) + "}");
            assertEquals(201, created.status(), created.toString());
            references.add(created.json().getString("reference"));
        }
        for (int i = 0; i < 3; i++) {
            JsonObject t = http.get("/api/tickets/" + references.get(i)).json();
            String predicted = t.getJsonObject("queue").getString("label");
            String other = queues.stream().filter(qn -> !qn.equals(predicted))
                    .filter(qn -> !qn.equals(t.getString("final_queue"))).findFirst().orElseThrow();
            Http.Answer patched = http.patch("/api/tickets/" + references.get(i),
                    "{\"queue\": " + q(other) + ", \"priority\": \"high\"}");
            assertEquals(200, patched.status(), patched.toString());
        }

        // export while the server runs (H2: AUTO_SERVER; PostgreSQL: ticketrouter.db.* as the server has them)
        Path exported = TestServer.WORK.resolve("learning-" + db.kind + "-corrections.csv");
        Map<String, String> dbProps = db.kind.equals("postgresql") ? db.serverProperties(data) : Map.of();
        dbProps.forEach(System::setProperty);
        int exportCode;
        try {
            exportCode = TicketRouterCommand.commandLine().execute("export", "--data-dir", data.toString(),
                    "--corrected-only", "--out", exported.toString());
        } finally {
            dbProps.keySet().forEach(System::clearProperty);
        }
        assertEquals(0, exportCode, "export exit code");
        List<String> lines = Files.readAllLines(exported, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("subject,body,queue,priority,language"), lines.get(0));
        assertEquals(3, lines.stream().filter(l -> l.endsWith(",yes")).count(), "three corrected tickets:\n" + lines);

        // a live dashboard connection hears about model changes
        BlockingQueue<String> pushed = new LinkedBlockingQueue<>();
        Session socket = ContainerProvider.getWebSocketContainer().connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session s, EndpointConfig config) {
                s.addMessageHandler(String.class, (MessageHandler.Whole<String>) pushed::add);
            }
        }, Credentials.webSocket(), URI.create("ws://127.0.0.1:" + server.port() + "/ws/tickets"));
        try {
            // the server registers the session in @OnOpen, possibly after the handshake answer: a pong proves it did
            socket.getBasicRemote().sendText("ping");
            long pongDeadline = System.currentTimeMillis() + 10_000;
            String pong = null;
            while (!"pong".equals(pong) && System.currentTimeMillis() < pongDeadline) {
                pong = pushed.poll(500, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            assertEquals("pong", pong, "the dashboard socket answers");
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
            int trainCode = TicketRouterCommand.commandLine().execute("train", "--data",
                    Path.of("data/sample/tickets.csv").toAbsolutePath().toString(), "--data", exported.toString(),
                    "--out", models.toString(), "--trees", "10", "--no-charts");
            assertEquals(0, trainCode, "train exit code");

            String v2 = null;
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                String v = servingVersion();
                if (!v.equals(v1)) {
                    v2 = v;
                    break;
                }
                Thread.sleep(250);
            }
            assertNotNull(v2, "the watcher swaps the new bundle in within 60 s");
            String v2final = v2;
            // the dashboards were told about both: the refusal and the swap
            List<String> modelMessages = awaitModelMessages(pushed, "\"event\":\"refused\"",
                    "\"event\":\"loaded\"");
            assertTrue(modelMessages.stream().anyMatch(m -> m.contains("\"event\":\"refused\"")
                    && m.contains("\"version\":\"" + v1 + "\"")), modelMessages.toString());
            assertTrue(modelMessages.stream().anyMatch(m -> m.contains("\"event\":\"loaded\"")
                    && m.contains("\"version\":\"" + v2final + "\"")
                    && m.contains("\"previous_version\":\"" + v1 + "\"")), modelMessages.toString());

            // new tickets get the new version, old tickets keep theirs
            Http.Answer fresh = http.post("/api/tickets", "{\"body\": \"The invoice total is wrong, please correct it.\"}");
            assertEquals(201, fresh.status(), fresh.toString());
            assertEquals(v2, fresh.json().getString("model_version"));
            assertEquals(v1, http.get("/api/tickets/" + references.get(0)).json().getString("model_version"));

            // an explicit reload of the same bundle changes nothing
            JsonObject same = http.post("/api/model/reload", "{}").json();
            assertEquals(v2, same.getString("version"));
            assertEquals(false, same.getBoolean("changed"));

            // quality per model version: the corrections lower v1's agreement
            JsonObject quality = http.get("/api/model/quality").json();
            assertEquals(v2, quality.getString("serving"));
            JsonObject first = quality.getJsonArray("by_model").stream().map(JsonValue::asJsonObject)
                    .filter(g -> g.getString("key").equals(v1)).findFirst().orElseThrow();
            assertTrue(first.getInt("corrected") >= 3, first.toString());
            assertTrue(first.getJsonNumber("queue_agreement").doubleValue() < 1.0, first.toString());
            assertTrue(quality.getJsonArray("by_model").stream().map(JsonValue::asJsonObject)
                    .anyMatch(g -> g.getString("key").equals(v2final)), quality.toString());
            assertTrue(metrics().contains("model_version=\"" + v2 + "\""), "gauges per model version");
        } finally {
            socket.close();
        }
    }

    private static String servingVersion() throws Exception {
        Http.Answer a = http.get("/api");
        assertEquals(200, a.status(), a.toString());
        return a.json().getString("model_version");
    }

    /** The {"type":"model"} messages pushed until each expected fragment was seen (at most 30 s). */
    private static List<String> awaitModelMessages(BlockingQueue<String> pushed, String... fragments)
            throws Exception {
        List<String> seen = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            String text = pushed.poll(500, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (text != null && text.contains("\"type\":\"model\"")) {
                seen.add(text);
            }
            if (java.util.Arrays.stream(fragments).allMatch(f -> seen.stream().anyMatch(m -> m.contains(f)))) {
                break;
            }
        }
        return seen;
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

    private static void copyRecursively(Path from, Path to) throws Exception {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
