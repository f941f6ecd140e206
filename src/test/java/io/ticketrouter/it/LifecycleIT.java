package io.ticketrouter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        try (TestServer server = TestServer.start("no-model-" + db.kind, TestServer.config(data, noModels, db))) {
            Http http = new Http(server);

            Http.Answer ready = http.get("/health/ready");
            assertEquals(503, ready.status(), ready.toString());
            JsonObject check = ready.json().getJsonArray("checks").stream()
                    .map(v -> v.asJsonObject())
                    .filter(o -> "model".equals(o.getString("name")))
                    .findFirst()
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

    /**
     * Tickets survive a clean restart and a {@code kill -9} right after their last acknowledged change: each is read
     * back field by field (text, customer, prediction, probabilities, keywords, routing, corrections, status, notes,
     * history), exactly as the API showed it before, and references stay unique after the crash.
     */
    @Test
    void ticketsSurviveARestartAndAKill() throws Exception {
        TestModel.require();
        Path data = WorkDirs.fresh("restart-" + db.kind + "-data");
        JsonObject first;
        try (TestServer server =
                TestServer.start("restart-1-" + db.kind, TestServer.config(data, TestServer.MODEL, db))) {
            Http http = new Http(server);
            String reference = created(
                    http,
                    "{\"subject\": \"Refund\", \"body\": \"Please refund the second "
                            + "payment of my last invoice.\", \"customer_email\": \"anna@example.com\"}");
            worked(http, reference, "{\"status\": \"in_progress\", \"note\": \"Called the customer back\"}");
            worked(http, reference, "{\"queue\": \"Billing and Payments\", \"priority\": \"high\"}");
            first = stored(http, reference);
        }

        JsonObject second;
        try (TestServer server =
                TestServer.start("restart-2-" + db.kind, TestServer.config(data, TestServer.MODEL, db))) {
            Http http = new Http(server);
            assertEquals(
                    first,
                    stored(http, first.getString("reference")),
                    "a ticket reads back after a restart exactly as before it");
            assertEquals(
                    List.of(),
                    ReliabilityIT.stackTraceLines(server.log()).stream()
                            .limit(20)
                            .toList(),
                    "a restart on an existing database logs no stack trace (the schema is migrated, not regenerated)");
            String reference = created(
                    http,
                    "{\"body\": \"Seit dem Update trennt sich das VPN alle zehn Minuten, "
                            + "dringend, Sicherheitsvorfall?\"}");
            second = worked(http, reference, "{\"status\": \"resolved\", \"note\": \"VPN profile renewed\"}");
            server.kill(); // kill -9 right after the last acknowledged change
        }

        try (TestServer server =
                TestServer.start("restart-3-" + db.kind, TestServer.config(data, TestServer.MODEL, db))) {
            Http http = new Http(server);
            assertEquals(first, stored(http, first.getString("reference")), "the first ticket after the kill");
            assertEquals(
                    second,
                    stored(http, second.getString("reference")),
                    "a change answered 200 just before kill -9 is stored, with the ticket's whole history");
            String next = created(
                    http, "{\"body\": \"Another ticket after the crash, to check references stay " + "unique.\"}");
            assertFalse(
                    next.equals(second.getString("reference")) || next.equals(first.getString("reference")),
                    "references stay unique after the crash: " + next);
        }
    }

    /**
     * The similar-ticket index is a copy of the database that a crash, a deleted or a damaged index directory never
     * turns into a wrong answer: a ticket deleted while the index is being updated, and one deleted while the server
     * was down (as another cluster member or a database administrator would), are never shown again; after a
     * {@code kill -9} with the index directory deleted, and after a clean stop with its files overwritten, the server
     * rebuilds it from the database and answers as before.
     */
    @Test
    void theSimilarTicketIndexIsRebuiltFromTheDatabaseAndNeverShowsADeletedTicket() throws Exception {
        TestModel.require();
        Path data = WorkDirs.fresh("similar-" + db.kind + "-data");
        String word = "florbexit" + System.nanoTime() % 100_000;
        String a;
        String b;
        String c;
        String d;
        try (TestServer server =
                TestServer.start("similar-1-" + db.kind, TestServer.config(data, TestServer.MODEL, db))) {
            Http http = new Http(server);
            a = created(http, json("The " + word + " scanner stopped", "Our " + word + " scanner stopped scanning."));
            b = created(http, json("Scanner " + word + " broken", "The " + word + " scanner is broken again."));
            c = created(http, json("Broken " + word, "Since Monday the " + word + " scanner will not scan."));
            d = created(http, json("A " + word + " scanner", "Our second " + word + " scanner does not scan."));
            assertEquals(204, http.delete("/api/tickets/" + d).status(), "deleted while it is being indexed");
            assertEquals(List.of(b, c), similar(http, a, List.of(b, c)));
            server.kill();
        }
        deleteTree(data.resolve("similar-index"));
        try (java.sql.Connection sql = db.connect(data);
                java.sql.PreparedStatement history = sql.prepareStatement(
                        "DELETE FROM ticket_history WHERE ticket_id = (SELECT id FROM ticket WHERE reference = ?)");
                java.sql.PreparedStatement ticket = sql.prepareStatement("DELETE FROM ticket WHERE reference = ?")) {
            history.setString(1, c);
            history.executeUpdate();
            ticket.setString(1, c);
            assertEquals(1, ticket.executeUpdate(), "deleted while the server was down");
        }

        try (TestServer server =
                TestServer.start("similar-2-" + db.kind, TestServer.config(data, TestServer.MODEL, db))) {
            assertTrue(server.log().contains("new, filled from the database"), "a new index");
            assertEquals(List.of(b), similar(new Http(server), a, List.of(b)));
        }
        try (java.util.stream.Stream<Path> files = Files.list(data.resolve("similar-index"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!f.getFileName().toString().equals("write.lock")) {
                    Files.write(f, "not an index".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        try (TestServer server =
                TestServer.start("similar-3-" + db.kind, TestServer.config(data, TestServer.MODEL, db))) {
            assertTrue(server.log().contains("new, filled from the database"), "a damaged index");
            assertEquals(List.of(b), similar(new Http(server), a, List.of(b)));
            assertEquals(
                    List.of(),
                    ReliabilityIT.stackTraceLines(server.log()).stream()
                            .limit(20)
                            .toList(),
                    "a damaged index is logged in one line, not as a stack trace");
        }
    }

    private static String json(String subject, String body) {
        return "{\"subject\": \"" + subject + "\", \"body\": \"" + body + "\"}";
    }

    /**
     * The references of the tickets similar to {@code reference} among {@code candidates} (the other tickets of the
     * test), once the index is complete and has at least {@code expected}; waits for the index to catch up.
     */
    private static List<String> similar(Http http, String reference, List<String> expected) throws Exception {
        JsonObject complete =
                http.similarShowing(reference, expected, Duration.ofSeconds(45), s -> s.getBoolean("complete"));
        return Http.references(complete).stream()
                .filter(r -> !r.equals(reference))
                .sorted()
                .toList();
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Creates a ticket and returns its reference. */
    private static String created(Http http, String json) throws Exception {
        Http.Answer created = http.post("/api/tickets", json);
        assertEquals(201, created.status(), created.toString());
        return created.json().getString("reference");
    }

    /** Applies an agent's change; returns the ticket as the answer shows it, which must be what is then stored. */
    private static JsonObject worked(Http http, String reference, String json) throws Exception {
        Http.Answer changed = http.patch("/api/tickets/" + reference, json);
        assertEquals(200, changed.status(), changed.toString());
        JsonObject stored = stored(http, reference);
        assertEquals(stored, changed.json(), "the PATCH answer is the stored ticket");
        return stored;
    }

    /** The ticket as the API reads it from the database, with the parts the comparison relies on present. */
    private static JsonObject stored(Http http, String reference) throws Exception {
        Http.Answer found = http.get("/api/tickets/" + reference);
        assertEquals(200, found.status(), "ticket " + reference + ": " + found);
        JsonObject t = found.json();
        for (String key : new String[] {"body", "queue", "priority", "queue_probabilities", "keywords", "history"}) {
            assertTrue(t.containsKey(key) && !t.isNull(key), key + " is part of the stored ticket: " + t);
        }
        assertFalse(t.getJsonArray("history").isEmpty(), "the history is stored: " + t);
        return t;
    }
}
