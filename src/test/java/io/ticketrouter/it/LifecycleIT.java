package io.ticketrouter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What only a real server process can show: it starts without a model and says why it is not ready; tickets
 * survive a restart and a {@code kill -9} on the same data directory.
 */
class LifecycleIT {

    private static Database db;

    @BeforeAll
    static void database() {
        db = Database.forThisRun("lifecycle");
    }

    @Test
    void withoutModelTheServerStartsNotReadyAndAnswers503() throws Exception {
        Path data = Files.createDirectories(TestServer.WORK.resolve("no-model-" + db.kind + "-data"));
        Path noModels = TestServer.WORK.resolve("no-model-" + db.kind + "-models"); // does not exist
        try (TestServer server = TestServer.start("no-model-" + db.kind,
                TestServer.config(data, noModels, db))) {
            Http http = new Http(server);

            Http.Answer ready = http.get("/health/ready");
            assertEquals(503, ready.status(), ready.toString());
            JsonObject check = ready.json().getJsonArray("checks").stream()
                    .map(v -> v.asJsonObject()).filter(o -> "model".equals(o.getString("name"))).findFirst()
                    .orElseThrow();
            assertEquals("DOWN", check.getString("status"));
            assertTrue(check.getJsonObject("data").getString("reason").contains("no model bundle"), check.toString());

            Http.Answer live = http.get("/health/live");
            assertEquals(200, live.status(), live.toString());

            Http.Answer predict = http.post("/api/predict", "{\"body\": \"My printer does not print anymore\"}");
            assertEquals(503, predict.status(), predict.toString());
            assertEquals("application/problem+json", predict.contentType());
            assertTrue(predict.json().getString("detail").contains("no model"), predict.body());

            Http.Answer create = http.post("/api/tickets", "{\"body\": \"My printer does not print anymore\"}");
            assertEquals(503, create.status(), create.toString());
            assertEquals("application/problem+json", create.contentType());

            Http.Answer batch = http.post("/api/predict/batch", "{\"items\": [{\"body\": \"0123456789 abc\"}]}");
            assertEquals(503, batch.status(), batch.toString());

            Http.Answer root = http.get("/api");
            assertEquals(200, root.status());
            assertFalse(root.json().getBoolean("model_ready"));

            assertEquals(503, http.get("/api/model").status());
            assertEquals(200, http.get("/api/tickets").status(), "listing stored tickets needs no model");
        }
    }

    @Test
    void ticketsSurviveARestartAndAKill() throws Exception {
        TestModel.require();
        Path data = TestServer.WORK.resolve("restart-" + db.kind + "-data");
        deleteRecursively(data);
        Files.createDirectories(data);
        String first;
        try (TestServer server = TestServer.start("restart-1-" + db.kind,
                TestServer.config(data, TestServer.MODEL, db))) {
            Http.Answer created = new Http(server).post("/api/tickets",
                    "{\"subject\": \"Refund\", \"body\": \"Please refund the second payment of my last invoice.\"}");
            assertEquals(201, created.status(), created.toString());
            first = created.json().getString("reference");
        }

        String second;
        try (TestServer server = TestServer.start("restart-2-" + db.kind,
                TestServer.config(data, TestServer.MODEL, db))) {
            Http http = new Http(server);
            Http.Answer found = http.get("/api/tickets/" + first);
            assertEquals(200, found.status(), "ticket " + first + " must survive a restart: " + found);
            Http.Answer created = http.post("/api/tickets",
                    "{\"body\": \"The VPN disconnects every ten minutes since the update.\"}");
            assertEquals(201, created.status(), created.toString());
            second = created.json().getString("reference");
            server.kill(); // kill -9 right after the 201
        }

        try (TestServer server = TestServer.start("restart-3-" + db.kind,
                TestServer.config(data, TestServer.MODEL, db))) {
            Http http = new Http(server);
            assertEquals(200, http.get("/api/tickets/" + first).status());
            Http.Answer found = http.get("/api/tickets/" + second);
            assertEquals(200, found.status(), "a ticket answered 201 must survive kill -9: " + found);
            Http.Answer next = http.post("/api/tickets",
                    "{\"body\": \"Another ticket after the crash, to check references stay unique.\"}");
            assertEquals(201, next.status(), next.toString());
            assertFalse(next.json().getString("reference").equals(second));
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
