package io.ticketrouter.it;

import static io.ticketrouter.it.Http.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint's happy path and the bad-input catalogue, on one server with the real WAR and a model trained from
 * the sample data. Each test creates the tickets it looks at (a unique word in the text keeps them apart).
 */
class ApiIT {

    private static final String REFERENCE = "TR-[0-9]{6,18}";
    /** Stopped after all tests; still null when the start failed, and then skipped by AutoClose. */
    @AutoClose
    private static TestServer server;

    private static Http http;
    private static Database db;
    private static Path data;
    private static List<String> queues;

    @BeforeAll
    static void start() throws Exception {
        db = Database.forThisRun("api");
        TestModel.require();
        data = WorkDirs.fresh("api-" + db.kind + "-data");
        server = TestServer.start("api-" + db.kind, TestServer.config(data, TestServer.MODEL, db));
        http = new Http(server);
        queues = http.get("/api/model").json().getJsonArray("queues").getValuesAs(JsonValue::toString).stream()
                .map(s -> s.substring(1, s.length() - 1))
                .toList();
    }

    // ---------------------------------------------------------------- service

    @Test
    void apiRootDescribesServiceAndModel() throws Exception {
        Http.Answer a = http.get("/api");
        assertEquals(200, a.status());
        JsonObject o = a.json();
        assertEquals("Ticket Router", o.getString("name"));
        assertTrue(o.getBoolean("model_ready"));
        assertFalse(o.getString("model_version").isBlank());
        assertTrue(o.getBoolean("model_demo"), "the test model is trained on data/sample/tickets.csv: a demo");
        assertEquals("/api/predict", o.getJsonObject("links").getString("predict"));
    }

    @Test
    void modelViewListsQueuesAndThresholds() throws Exception {
        JsonObject o = http.get("/api/model").json();
        assertFalse(queues.isEmpty());
        assertEquals(
                Set.of("high", "medium", "low"),
                o.getJsonArray("priorities").getValuesAs(JsonValue::toString).stream()
                        .map(s -> s.replace("\"", "").toLowerCase())
                        .collect(Collectors.toSet()));
        assertFalse(o.getJsonObject("queue_thresholds").isEmpty());
        assertTrue(o.getBoolean("demo"), "the model view says the sample-trained model is a demo");
        assertTrue(o.getJsonObject("provenance").getBoolean("demo"));
        JsonArray charts = o.getJsonArray("charts");
        assertFalse(charts.isEmpty(), "the bundle's charts are listed");
        Http.Answer png = http.get(charts.getString(0));
        assertEquals(200, png.status());
        assertEquals("image/png", png.contentType());
    }

    @Test
    void healthIsUpAndReady() throws Exception {
        assertEquals(200, http.get("/health/ready").status());
        assertEquals(200, http.get("/health/live").status());
        assertEquals(200, http.get("/health").status());
    }

    @Test
    void openApiAndSwaggerUiAreServed() throws Exception {
        Http.Answer doc = http.get("/openapi", "application/json");
        assertEquals(200, doc.status());
        JsonObject paths = doc.json().getJsonObject("paths");
        for (String p : List.of(
                "/api",
                "/api/predict",
                "/api/predict/batch",
                "/api/tickets",
                "/api/tickets/receive",
                "/api/tickets/{reference}")) {
            assertTrue(paths.containsKey(p), "OpenAPI must document " + p);
        }
        assertTrue(doc.body().contains("needs_review"), "schemas use the snake_case names of the JSON");
        // every error answer is documented as a problem document, whether or not the method spelt out its content
        JsonObject notFound = paths.getJsonObject("/api/tickets/{reference}")
                .getJsonObject("get")
                .getJsonObject("responses")
                .getJsonObject("404");
        assertEquals("No such ticket", notFound.getString("description"));
        assertEquals(
                "#/components/schemas/Problem",
                notFound.getJsonObject("content")
                        .getJsonObject("application/problem+json")
                        .getJsonObject("schema")
                        .getString("$ref"));
        Http.Answer ui = http.get("/docs/");
        assertEquals(200, ui.status());
        assertTrue(ui.body().contains("swagger-ui-bundle.js"));
        assertFalse(ui.body().contains("<script>"), "no inline script (CSP)");
        assertEquals(200, http.get("/docs/docs.js").status());
        assertEquals(
                200,
                http.get("/webjars/swagger-ui/5.32.15/swagger-ui-bundle.js").status());
    }

    // ---------------------------------------------------------------- predict

    @Test
    void predictAnswersEveryField() throws Exception {
        Http.Answer a = http.post(
                "/api/predict",
                "{\"subject\": \"Cannot log in\", \"body\": "
                        + "\"Since this morning I cannot log in to the portal, it says my password is wrong.\"}");
        assertEquals(200, a.status(), a.toString());
        assertPrediction(a.json());
    }

    @Test
    void predictAcceptsTextAsAliasOfBody() throws Exception {
        Http.Answer a =
                http.post("/api/predict", "{\"text\": \"Meine Rechnung wurde zweimal abgebucht, bitte erstatten.\"}");
        assertEquals(200, a.status(), a.toString());
        assertPrediction(a.json());
    }

    @Test
    void batchAnswersPerItemAndOneBadItemDoesNotFailTheOthers() throws Exception {
        Http.Answer a = http.post(
                "/api/predict/batch",
                "{\"items\": ["
                        + "{\"subject\": \"Refund\", \"body\": \"Please refund my last invoice, it was charged twice.\"},"
                        + "{\"body\": \"short\"},"
                        + "{\"text\": \"El servidor no responde desde esta mañana, necesitamos ayuda urgente.\"},"
                        + "42]}");
        assertEquals(200, a.status(), a.toString());
        JsonObject o = a.json();
        assertEquals(2, o.getInt("succeeded"));
        assertEquals(2, o.getInt("failed"));
        JsonArray items = o.getJsonArray("items");
        assertEquals(4, items.size());
        assertPrediction(items.getJsonObject(0).getJsonObject("prediction"));
        JsonObject error = items.getJsonObject(1).getJsonObject("error");
        assertEquals(400, error.getInt("status"));
        assertEquals("body", error.getString("field"));
        assertEquals("body must be 10 to 10000 characters, got 5", error.getString("detail"));
        assertPrediction(items.getJsonObject(2).getJsonObject("prediction"));
        assertTrue(items.getJsonObject(3)
                .getJsonObject("error")
                .getString("detail")
                .contains("items[3]"));
        assertEquals(3, items.getJsonObject(3).getInt("index"));
    }

    // ---------------------------------------------------------------- tickets

    @Test
    void createStoresTicketAndAnswers201WithLocation() throws Exception {
        Instant before = Instant.now();
        Http.Answer a = http.post(
                "/api/tickets",
                "{\"subject\": \"Invoice charged twice\", \"body\": "
                        + "\"My card was charged twice for invoice 2024-118. Please refund one payment.\", "
                        + "\"customer_name\": \"Ana Silva\", \"customer_email\": \"ana@example.com\"}");
        Instant after = Instant.now();
        assertEquals(201, a.status(), a.toString());
        JsonObject t = a.json();
        String ref = t.getString("reference");
        assertTrue(ref.matches(REFERENCE), ref);
        assertEquals(
                "/api/tickets/" + ref,
                a.header("Location").orElseThrow(),
                "a relative Location: nothing of it comes from the request's Host header");
        assertEquals("open", t.getString("status"));
        // the server runs on this machine's clock: the ticket was created while the request was under way
        Instant created = Instant.parse(t.getString("created_at"));
        assertFalse(
                created.isBefore(before.truncatedTo(ChronoUnit.MILLIS)) || created.isAfter(after),
                "created_at " + created + " lies between the request (" + before + ") and its answer (" + after + ")");
        assertEquals(t.getString("created_at"), t.getString("updated_at"), "a new ticket was not updated yet");
        assertEquals("Ana Silva", t.getString("customer_name"));
        assertEquals("ana@example.com", t.getString("customer_email"));
        assertPrediction(t);
        assertEquals(t.getJsonObject("queue").getString("label"), t.getString("final_queue"));
        assertTrue(t.isNull("corrected_queue"));

        Http.Answer read = http.get("/api/tickets/" + ref);
        assertEquals(200, read.status());
        assertEquals(ref, read.json().getString("reference"));
        assertEquals(22, t.getString("status_token").length(), "the customer's status token (128 bits, Base64)");
        assertEquals(
                jakarta.json.Json.createObjectBuilder(t).remove("status_token").build(),
                read.json(),
                "reading the ticket back gives exactly what the 201 answered, but for the customer's token");
        assertEquals(
                List.of(ref + " " + t.getString("body")),
                storedRows(ref),
                "the ticket is stored once, with its body, in the configured " + db.kind + " database");
    }

    @Test
    void receiveIsAnAliasOfCreate() throws Exception {
        Http.Answer a = http.post(
                "/api/tickets/receive",
                "{\"text\": \"Le logiciel plante quand j'ouvre un fichier PDF, merci de m'aider.\"}");
        assertEquals(201, a.status(), a.toString());
        assertTrue(a.json().getString("reference").matches(REFERENCE));
        assertTrue(a.header("Location")
                .orElseThrow()
                .endsWith("/api/tickets/" + a.json().getString("reference")));
    }

    @Test
    void listFiltersPagesAndCatchesUp() throws Exception {
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String r1 = create("Printer " + word, "The office printer " + word + " shows a paper jam error every day.");
        String r2 =
                create("Invoice " + word, "Invoice " + word + " was charged twice on my credit card, refund please.");
        String r3 = create("Server " + word, "The production server " + word + " is down and customers cannot buy.");

        JsonObject all = http.get("/api/tickets?q=" + word).json();
        assertEquals(List.of(r3, r2, r1), refs(all), "newest first");
        assertEquals(3, all.getInt("count"));
        assertTrue(all.isNull("next_before"));

        JsonObject page1 =
                http.get("/api/tickets?q=" + word.toUpperCase() + "&limit=2").json();
        assertEquals(List.of(r3, r2), refs(page1), "q is case-insensitive");
        assertEquals(r2, page1.getString("next_before"));
        JsonObject page2 = http.get(page1.getString("next")).json();
        assertEquals(List.of(r1), refs(page2));
        assertTrue(page2.isNull("next_before"));

        JsonObject caughtUp =
                http.get("/api/tickets?q=" + word + "&after=" + r1).json();
        assertEquals(List.of(r3, r2), refs(caughtUp));
        JsonObject catchUp1 =
                http.get("/api/tickets?q=" + word + "&after=" + r1 + "&limit=1").json();
        assertEquals(List.of(r2), refs(catchUp1), "catching up gives the oldest missed tickets first");
        assertEquals(r2, catchUp1.getString("next_after"));

        assertEquals(
                200,
                http.patch("/api/tickets/" + r2, "{\"status\": \"resolved\"}").status());
        assertEquals(
                List.of(r2),
                refs(http.get("/api/tickets?q=" + word + "&status=resolved").json()));
        assertEquals(
                List.of(r3, r1),
                refs(http.get("/api/tickets?q=" + word + "&status=open").json()));

        JsonObject t1 = http.get("/api/tickets/" + r1).json();
        String queue = t1.getString("final_queue");
        assertTrue(
                refs(http.get("/api/tickets?q=" + word + "&queue=" + enc(queue)).json())
                        .contains(r1));
        String priority = t1.getString("final_priority");
        assertTrue(refs(http.get("/api/tickets?q=" + word + "&priority=" + priority)
                        .json())
                .contains(r1));
        String language = t1.getString("language");
        assertTrue(refs(http.get("/api/tickets?q=" + word + "&language=" + language)
                        .json())
                .contains(r1));
        boolean review = t1.getBoolean("needs_review");
        assertTrue(refs(http.get("/api/tickets?q=" + word + "&needs_review=" + review)
                        .json())
                .contains(r1));
        assertFalse(refs(http.get("/api/tickets?q=" + word + "&needs_review=" + !review)
                        .json())
                .contains(r1));
    }

    @Test
    void patchKeepsPredictionAndRecordsCorrectionsAndHistory() throws Exception {
        JsonObject t = http.post("/api/tickets", "{\"body\": \"The mobile app crashes when I upload a photo.\"}")
                .json();
        String ref = t.getString("reference");
        String predicted = t.getJsonObject("queue").getString("label");
        String other =
                queues.stream().filter(q -> !q.equals(predicted)).findFirst().orElseThrow();
        String predictedPriority = t.getJsonObject("priority").getString("label");
        String otherPriority = predictedPriority.equals("high") ? "low" : "high";

        Http.Answer a = http.patch(
                "/api/tickets/" + ref,
                "{\"queue\": " + q(other) + ", \"priority\": " + q(otherPriority)
                        + ", \"status\": \"in_progress\", \"note\": \"Called the customer\"}");
        assertEquals(200, a.status(), a.toString());
        JsonObject u = a.json();
        assertEquals(predicted, u.getJsonObject("queue").getString("label"), "the prediction is never overwritten");
        assertEquals(predictedPriority, u.getJsonObject("priority").getString("label"));
        assertEquals(other, u.getString("corrected_queue"));
        assertEquals(other, u.getString("final_queue"));
        assertEquals(otherPriority, u.getString("corrected_priority"));
        assertEquals(otherPriority, u.getString("final_priority"));
        assertEquals("in_progress", u.getString("status"));
        assertEquals(
                t.getBoolean("urgent"),
                u.getBoolean("urgent"),
                "a corrected priority does not change whether the ticket is urgent (only keyword lists and rules do)");
        JsonArray history = u.getJsonArray("history");
        assertEquals(
                List.of("queue", "priority", "status", "note"),
                history.stream().map(h -> h.asJsonObject().getString("field")).toList());
        assertEquals(predicted, history.getJsonObject(0).getString("from"));
        assertEquals("Called the customer", history.getJsonObject(3).getString("to"));

        JsonObject reread = http.get("/api/tickets/" + ref).json();
        assertEquals(4, reread.getJsonArray("history").size());
        assertEquals(other, reread.getString("final_queue"));
        assertEquals(u, reread, "reading the ticket back gives exactly what the PATCH answered");
    }

    @Test
    void deleteRemovesTheTicket() throws Exception {
        String ref = create("Delete me", "This ticket is created only to be deleted again.");
        Http.Answer d = http.delete("/api/tickets/" + ref);
        assertEquals(204, d.status(), d.toString());
        Http.Answer gone = http.get("/api/tickets/" + ref);
        assertEquals(404, gone.status());
        assertEquals("application/problem+json", gone.contentType());
        assertEquals(404, http.delete("/api/tickets/" + ref).status());
    }

    @Test
    void similarTicketsAreTheStoredOnesSharingItsWordsAndADeletedOneIsNeverShown() throws Exception {
        String word = "quorbalix" + System.nanoTime() % 100_000;
        String first =
                create("Printer " + word + " jams", "The " + word + " printer on floor three jams on every page.");
        String second = create("Again the " + word + " printer", "Paper jam in the " + word + " printer, every page.");
        String third = create("Jammed " + word, "Our " + word + " printer jams with each print job on floor three.");
        String other = create("Salary question", "When will the salary of November be paid into my bank account?");
        for (String note : List.of("Cleaned the rollers", "Replaced the pickup roller")) {
            Http.Answer noted = http.patch("/api/tickets/" + third, "{\"note\": " + q(note) + "}");
            assertEquals(200, noted.status(), noted.toString());
        }

        JsonObject similar = http.similarShowing(first, List.of(second, third), Duration.ofSeconds(15), s -> true);
        List<JsonObject> found = similar.getJsonArray("tickets").getValuesAs(JsonObject.class);
        List<String> refs = Http.references(similar);
        assertTrue(refs.containsAll(List.of(second, third)), refs.toString());
        assertFalse(refs.contains(first), "a ticket is not similar to itself: " + refs);
        assertFalse(refs.contains(other), refs.toString());
        for (JsonObject t : found) {
            double score = t.getJsonNumber("similarity").doubleValue();
            assertTrue(score > 0 && score <= 1, t.toString());
            assertTrue(queues.contains(t.getString("queue")), t.toString());
            for (String field : List.of("subject", "excerpt", "priority", "status", "created_at")) {
                assertTrue(t.containsKey(field), field + " missing in " + t);
            }
        }
        assertTrue(similar.getString("summary").matches("\\d+ of " + found.size() + " went to .+"), similar.toString());
        for (JsonObject t : found) {
            if (t.getString("reference").equals(third)) {
                assertEquals("Replaced the pickup roller", t.getString("last_reply"), "the last agent note: " + t);
            } else if (t.getString("reference").equals(second)) {
                assertTrue(!t.containsKey("last_reply") || t.isNull("last_reply"), "no note, no reply: " + t);
            }
        }

        Http.Answer predicted = http.post(
                "/api/predict", "{\"body\": \"The " + word + " printer jams on every page again\", \"similar\": true}");
        assertEquals(200, predicted.status(), predicted.toString());
        List<String> forText =
                predicted.json().getJsonObject("similar").getJsonArray("tickets").getValuesAs(JsonObject.class).stream()
                        .map(t -> t.getString("reference"))
                        .toList();
        assertTrue(forText.containsAll(List.of(first, second, third)), forText.toString());
        assertEquals(
                JsonValue.NULL,
                http.post("/api/predict", "{\"body\": \"The printer jams on every page\"}")
                        .json()
                        .get("similar"));

        assertEquals(204, http.delete("/api/tickets/" + second).status());
        List<String> after = http
                .get("/api/tickets/" + first + "/similar")
                .json()
                .getJsonArray("tickets")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(t -> t.getString("reference"))
                .toList();
        assertFalse(after.contains(second), "deleted ticket still shown: " + after);
        assertTrue(after.contains(third), after.toString());

        for (String limit : List.of("0", "21", "abc")) {
            Http.Answer bad = http.get("/api/tickets/" + first + "/similar?limit=" + limit);
            assertEquals(400, bad.status(), bad.toString());
            assertEquals("application/problem+json", bad.contentType());
            assertTrue(bad.body().contains("limit"), bad.body());
        }
        assertEquals(
                1,
                http.get("/api/tickets/" + first + "/similar?limit=1")
                        .json()
                        .getJsonArray("tickets")
                        .size());
        assertEquals(404, http.get("/api/tickets/TR-999999999997/similar").status());
    }

    // ---------------------------------------------------------------- bad input

    static Stream<Arguments> badRequests() {
        String big = "{\"body\": \"" + "x".repeat(70_000) + "\"}";
        return Stream.of(
                Arguments.of(
                        "POST",
                        "/api/predict",
                        "application/json",
                        "{\"body\": \"abc\"}",
                        400,
                        "body",
                        "body must be 10 to 10000 characters, got 3"),
                Arguments.of(
                        "POST",
                        "/api/predict",
                        "application/json",
                        "{\"body\": \"" + "y".repeat(10_001) + "\"}",
                        400,
                        "body",
                        "body must be 10 to 10000 characters, got 10001"),
                Arguments.of(
                        "POST",
                        "/api/predict",
                        "application/json",
                        "{\"subject\": \"Only a subject here\"}",
                        400,
                        "body",
                        "body is required"),
                Arguments.of("POST", "/api/predict", "application/json", "{\"body\": ", 400, null, "not valid JSON"),
                Arguments.of("POST", "/api/predict", "application/json", "", 400, null, "empty"),
                Arguments.of("POST", "/api/predict", "application/json", "[1, 2]", 400, null, "JSON object"),
                Arguments.of(
                        "POST",
                        "/api/predict",
                        "application/json",
                        "{\"body\": 1234567890123}",
                        400,
                        "body",
                        "body must be a string, got a number"),
                Arguments.of(
                        "POST",
                        "/api/predict",
                        "application/json",
                        "{\"body\": \"0123456789\", \"subject\": " + "[\"a\"]}",
                        400,
                        "subject",
                        "subject must be a string, got an array"),
                Arguments.of(
                        "POST",
                        "/api/predict",
                        "application/json",
                        "{\"bodi\": \"0123456789 abc\"}",
                        400,
                        "bodi",
                        "unknown field \"bodi\""),
                Arguments.of(
                        "POST",
                        "/api/predict",
                        "text/plain",
                        "My printer is broken again",
                        415,
                        null,
                        "application/json"),
                Arguments.of("GET", "/api/predict", null, null, 405, null, "allowed: OPTIONS, POST"),
                Arguments.of("PUT", "/api/tickets", "application/json", "{}", 405, null, "allowed"),
                Arguments.of("POST", "/api/predict", "application/json", big, 413, null, "64 KB"),
                Arguments.of(
                        "POST",
                        "/api/predict/batch",
                        "application/json",
                        "{\"items\": []}",
                        400,
                        "items",
                        "items must hold 1 to 100 entries, got 0"),
                Arguments.of(
                        "POST",
                        "/api/predict/batch",
                        "application/json",
                        "{\"items\": [" + "{\"body\": \"0123456789 abc\"},".repeat(100)
                                + "{\"body\": \"0123456789 abc\"}]}",
                        400,
                        "items",
                        "items must hold 1 to 100 entries, got 101"),
                Arguments.of(
                        "POST",
                        "/api/predict/batch",
                        "application/json",
                        "{\"items\": \"no\"}",
                        400,
                        "items",
                        "items must be an array"),
                Arguments.of(
                        "POST",
                        "/api/tickets",
                        "application/json",
                        "{\"body\": \"Hi\"}",
                        400,
                        "body",
                        "body must be 10 to 10000 characters, got 2"),
                Arguments.of(
                        "POST",
                        "/api/tickets",
                        "application/json",
                        "{\"body\": \"0123456789 abc\", " + "\"customer_email\": \"not-an-email\"}",
                        400,
                        "customer_email",
                        "e-mail address"),
                Arguments.of(
                        "POST",
                        "/api/tickets",
                        "application/json",
                        "{\"body\": \"0123456789 abc\", " + "\"subject\": \"" + "s".repeat(301) + "\"}",
                        400,
                        "subject",
                        "subject must be at most 300 characters, got 301"),
                Arguments.of("POST", "/api/tickets", "application/xml", "<ticket/>", 415, null, "application/json"),
                Arguments.of(
                        "GET",
                        "/api/tickets/12345",
                        null,
                        null,
                        400,
                        "reference",
                        "reference must be TR- followed by 6 to 18 digits"),
                Arguments.of(
                        "GET",
                        "/api/tickets/TR-..%2F..%2Fetc",
                        null,
                        null,
                        400,
                        null,
                        "must not contain, plainly or encoded, a slash inside a segment"),
                Arguments.of(
                        "GET",
                        "/api/tickets/TR-999999999",
                        null,
                        null,
                        404,
                        "reference",
                        "no ticket with reference TR-999999999"),
                Arguments.of(
                        "PATCH",
                        "/api/tickets/TR-999999999",
                        "application/json",
                        "{\"status\": \"resolved\"}",
                        404,
                        "reference",
                        "no ticket"),
                Arguments.of("DELETE", "/api/tickets/TR-999999999", null, null, 404, "reference", "no ticket"),
                Arguments.of("DELETE", "/api/tickets/nonsense", null, null, 400, "reference", "TR-"),
                Arguments.of(
                        "PATCH",
                        "/api/tickets/TR-000001",
                        "application/json",
                        "{\"status\": \"closed\"}",
                        400,
                        "status",
                        "status must be one of open, in_progress, resolved, got \"closed\""),
                Arguments.of(
                        "PATCH",
                        "/api/tickets/TR-000001",
                        "application/json",
                        "{\"priority\": \"urgent\"}",
                        400,
                        "priority",
                        "priority must be one of high, medium, low, got \"urgent\""),
                Arguments.of(
                        "PATCH",
                        "/api/tickets/TR-000001",
                        "application/json",
                        "{\"queue\": \"No Such Queue\"}",
                        400,
                        "queue",
                        "queue must be one of"),
                Arguments.of(
                        "PATCH", "/api/tickets/TR-000001", "application/json", "{}", 400, null, "nothing to change"),
                Arguments.of(
                        "PATCH",
                        "/api/tickets/TR-000001",
                        "application/json",
                        "{\"status\": true}",
                        400,
                        "status",
                        "status must be a string, got a boolean"),
                Arguments.of("GET", "/api/tickets?limit=0", null, null, 400, "limit", "limit must be 1 to 500, got 0"),
                Arguments.of(
                        "GET", "/api/tickets?limit=501", null, null, 400, "limit", "limit must be 1 to 500, got 501"),
                Arguments.of("GET", "/api/tickets?limit=ten", null, null, 400, "limit", "whole number"),
                Arguments.of("GET", "/api/tickets?status=closed", null, null, 400, "status", "status must be one of"),
                Arguments.of(
                        "GET", "/api/tickets?priority=urgent", null, null, 400, "priority", "priority must be one of"),
                Arguments.of(
                        "GET",
                        "/api/tickets?needs_review=maybe",
                        null,
                        null,
                        400,
                        "needs_review",
                        "needs_review must be true or false"),
                Arguments.of("GET", "/api/tickets?after=yesterday", null, null, 400, "after", "after must be TR-"),
                Arguments.of("GET", "/api/tickets?language=english!", null, null, 400, "language", "language code"),
                Arguments.of(
                        "GET",
                        "/api/model/charts/..%2Fbundle.json",
                        null,
                        null,
                        400,
                        null,
                        "must not contain, plainly or encoded, a slash inside a segment"),
                Arguments.of("GET", "/api/model/charts/bundle.json", null, null, 400, "name", "chart name"),
                Arguments.of("GET", "/api/model/charts/nope.png", null, null, 404, "name", "no chart nope.png"),
                Arguments.of("GET", "/api/nothing-here", null, null, 404, null, "no resource"));
    }

    @ParameterizedTest(name = "{0} {1} -> {4}")
    @MethodSource("badRequests")
    void badInputAnswersProblemJson(
            String method, String path, String contentType, String body, int status, String field, String detail)
            throws Exception {
        Http.Answer a = http.send(method, path, contentType, body);
        assertEquals(status, a.status(), a.toString());
        assertEquals("application/problem+json", a.contentType(), a.toString());
        JsonObject p = a.json();
        assertEquals(status, p.getInt("status"));
        assertTrue(p.getString("type").startsWith("/docs/problems.html#"));
        assertFalse(p.getString("title").isBlank());
        assertTrue(
                p.getString("detail").contains(detail),
                "detail \"" + p.getString("detail") + "\" should say " + detail);
        if (field == null) {
            assertTrue(p.isNull("field"), a.toString());
        } else {
            assertEquals(field, p.getString("field"));
        }
        assertFalse(a.body().contains("Exception") || a.body().contains("at io."), "no stack trace");
    }

    @Test
    void invalidUtf8IsRefused() throws Exception {
        byte[] bytes = "{\"body\": \"caf\u00e9 au lait, please help\"}".getBytes(StandardCharsets.ISO_8859_1);
        Http.Answer a = http.sendBytes("POST", "/api/predict", "application/json", bytes);
        assertEquals(400, a.status(), a.toString());
        assertEquals("application/problem+json", a.contentType());
    }

    // ---------------------------------------------------------------- helpers

    private static String create(String subject, String body) throws Exception {
        Http.Answer a = http.post("/api/tickets", "{\"subject\": " + q(subject) + ", \"body\": " + q(body) + "}");
        assertEquals(201, a.status(), a.toString());
        return a.json().getString("reference");
    }

    /** "reference body" of the rows with this reference, read from the database itself (not through the API). */
    private static List<String> storedRows(String reference) throws Exception {
        if ("postgresql".equals(db.kind)) {
            return db.referencesAndBodies().stream()
                    .filter(r -> r[0].equals(reference))
                    .map(r -> r[0] + " " + r[1])
                    .toList(); // the configured schema, named in the query
        }
        List<String> rows = new java.util.ArrayList<>();
        try (java.sql.Connection c = db.connect(data);
                java.sql.PreparedStatement p =
                        c.prepareStatement("SELECT reference, body FROM ticket WHERE reference = ?")) {
            p.setString(1, reference);
            try (java.sql.ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1) + " " + r.getString(2));
                }
            }
        }
        return rows;
    }

    private static List<String> refs(JsonObject page) {
        return page.getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("reference"))
                .toList();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void assertPrediction(JsonObject p) {
        assertNotNull(p, "prediction");
        assertFalse(p.getString("language").isBlank());
        JsonObject queue = p.getJsonObject("queue");
        assertTrue(queues.contains(queue.getString("label")), queue.toString());
        double confidence = queue.getJsonNumber("confidence").doubleValue();
        assertTrue(confidence > 0 && confidence <= 1, queue.toString());
        assertTrue(Set.of("high", "medium", "low")
                .contains(p.getJsonObject("priority").getString("label")));
        double sum = p.getJsonObject("queue_probabilities").values().stream()
                .mapToDouble(v -> ((JsonNumber) v).doubleValue())
                .sum();
        assertEquals(1.0, sum, 0.01, "queue probabilities sum to 1");
        assertFalse(p.getJsonObject("priority_probabilities").isEmpty());
        assertNotNull(p.getJsonArray("keywords"));
        assertFalse(p.getString("recommendation").isBlank());
        boolean review = p.getBoolean("needs_review");
        if (review) {
            assertTrue(p.getString("recommendation").startsWith("Needs review"), p.getString("recommendation"));
        }
        List<JsonObject> routing = p.getJsonArray("routing").getValuesAs(JsonObject.class);
        routing.forEach(r -> assertFalse(
                r.getString("rule").isBlank()
                        || r.getString("change").isBlank()
                        || r.getString("reason").isBlank(),
                r.toString()));
        assertEquals(
                review,
                routing.stream().anyMatch(r -> r.getString("rule").equals("low-confidence")),
                "the built-in low-confidence rule decides needs_review: " + routing);
        assertFalse(p.getString("model_version").isBlank());
        assertNull(p.get("stack"));
    }
}
