package io.ticketrouter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Concurrent changes of one ticket (PATCHes, DELETEs racing them), run by {@code ReliabilityIT} on its server.
 *
 * <p>Every answer must be 2xx or 409 (a problem document with the ticket's current state), or 404 once a DELETE of
 * the ticket answered 204; never a 5xx, never a stack trace in the log. The final ticket must be exactly what the
 * successful answers say: each PATCH that answered 200 shows its own change applied on top of the history before it,
 * every successful note is in the history once and no refused one is, each field's history is one unbroken chain
 * from the first value to the final one. A DELETE that answered 204 leaves the ticket gone for good: a PATCH racing
 * it answers 404 or was applied before it, never brings the ticket back.
 */
final class ConcurrentEdits {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final int PARALLEL = 20;
    private static final int RACES = 5;
    private static final String[] STATUSES = {"in_progress", "resolved", "open"};
    private static final String[] PRIORITIES = {"high", "medium", "low"};
    private static final String TEXT = "Since this morning the invoice portal shows an error when I open my last "
            + "invoice; please have a look.";

    private ConcurrentEdits() {}

    /** One answer: status, body, and the request that got it. */
    record Answer(String request, int status, String contentType, String body) {

        JsonObject json() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.readObject();
            }
        }

        @Override
        public String toString() {
            return request + " -> " + status + " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
        }
    }

    /** Runs the concurrency checks against the server; returns the figure lines to print. */
    static List<String> run(TestServer server, Database db) throws Exception {
        String logBefore = server.log();
        List<String> figures = new ArrayList<>();
        figures.add(parallelPatches(server, db.kind));
        figures.add(parallelDeletes(server, db.kind));
        figures.add(deleteRacingPatches(server, db.kind));
        List<String> traces = ReliabilityIT.stackTraceLines(server.log().substring(logBefore.length()));
        assertEquals(List.of(), traces.stream().limit(20).toList(), "no stack trace in the server log");
        figures.addAll(StoredDataChecks.run(server, db));
        return figures;
    }

    // ------------------------------------------------------------------------------------------ 20 PATCHes

    private static String parallelPatches(TestServer server, String kind) throws Exception {
        String marker = "ce" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        JsonObject created = create(server, marker);
        String reference = created.getString("reference");
        List<String> queues = queues(server);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            bodies.add(
                    switch (i % 5) {
                        case 0 -> "{\"note\": \"" + note(marker, i) + "\"}";
                        case 1 -> "{\"status\": \"" + STATUSES[i % 3] + "\"}";
                        case 2 ->
                            "{\"priority\": \"" + PRIORITIES[i % 3] + "\", \"note\": \"" + note(marker, i) + "\"}";
                        case 3 -> "{\"queue\": \"" + queues.get(i % queues.size()) + "\"}";
                        default ->
                            "{\"status\": \"" + STATUSES[(i + 1) % 3] + "\", \"queue\": \""
                                    + queues.get((i + 1) % queues.size()) + "\", \"note\": \"" + note(marker, i)
                                    + "\"}";
                    });
        }
        List<Answer> answers = race(server, reference, bodies, -1);
        Map<Integer, Integer> byStatus = byStatus(answers);
        for (Answer a : answers) {
            assertTrue(a.status() == 200 || a.status() == 409, "a PATCH racing PATCHes answers 200 or 409: " + a);
            if (a.status() == 409) {
                assertConflict(a, reference);
            }
        }
        JsonObject finalTicket = get(server, reference).json();
        int entries = assertConsistent(created, finalTicket, answers, marker);
        return String.format(
                "[reliability] concurrent edits (%s): %d parallel PATCHes of one ticket → %d 200/%d "
                        + "409/%d other; final ticket consistent: %d history entries, each 200's change in it on top "
                        + "of the history before it, %d of %d notes (none of a refused PATCH)",
                kind,
                PARALLEL,
                byStatus.getOrDefault(200, 0),
                byStatus.getOrDefault(409, 0),
                answers.size() - byStatus.getOrDefault(200, 0) - byStatus.getOrDefault(409, 0),
                entries,
                notes(finalTicket).size(),
                answers.stream().filter(a -> a.request().contains("\"note\"")).count());
    }

    /**
     * The final ticket is what the successful answers say. Returns the number of history entries.
     */
    private static int assertConsistent(JsonObject created, JsonObject last, List<Answer> answers, String marker) {
        JsonArray history = last.getJsonArray("history");
        // 1. each 200 shows its own change, on top of a history that is a prefix of the final one
        int longest = 0;
        for (Answer a : answers) {
            if (a.status() != 200) {
                continue;
            }
            JsonObject sent = Json.createReader(
                            new StringReader(a.request().substring(a.request().indexOf('{'))))
                    .readObject();
            JsonObject t = a.json();
            JsonArray h = t.getJsonArray("history");
            longest = Math.max(longest, h.size());
            assertTrue(
                    h.size() <= history.size()
                            && entries(history.subList(0, h.size())).equals(entries(h)),
                    "the history a 200 answered is the start of the final history: " + a + "\nfinal: " + history);
            if (sent.containsKey("status")) {
                assertEquals(sent.getString("status"), t.getString("status"), "the 200 shows its status: " + a);
            }
            if (sent.containsKey("priority")) {
                assertEquals(sent.getString("priority"), t.getString("final_priority"), "its priority: " + a);
            }
            if (sent.containsKey("queue")) {
                assertEquals(sent.getString("queue"), t.getString("final_queue"), "its queue: " + a);
            }
            if (sent.containsKey("note")) {
                JsonObject lastEntry = h.getJsonObject(h.size() - 1);
                assertEquals(sent.getString("note"), lastEntry.getString("to"), "its note is its last entry: " + a);
            }
        }
        assertEquals(longest, history.size(), "the final history is the one of the last change applied, no more");
        // 2. notes: every successful one once, no refused one
        List<String> expected = answers.stream()
                .filter(a -> a.status() == 200 && a.request().contains("\"note\""))
                .map(a -> a.request().replaceAll(".*\"note\": \"([^\"]+)\".*", "$1"))
                .sorted()
                .toList();
        List<String> found =
                notes(last).stream().filter(n -> n.contains(marker)).sorted().toList();
        assertEquals(expected, found, "the notes in the history are exactly those of the PATCHes that answered 200");
        // 3. each field's history is one unbroken chain from its first value to the final one, in time order
        Map<String, String> value = new HashMap<>();
        value.put("status", created.getString("status"));
        value.put("priority", created.getString("final_priority"));
        value.put("queue", created.getString("final_queue"));
        Instant previous = Instant.MIN;
        for (JsonValue v : history) {
            JsonObject e = v.asJsonObject();
            Instant at = Instant.parse(e.getString("at"));
            assertTrue(!at.isBefore(previous), "history in time order: " + history);
            previous = at;
            String field = e.getString("field");
            if (!"note".equals(field)) {
                assertEquals(
                        value.get(field),
                        e.getString("from"),
                        "each " + field + " change starts where the one " + "before ended: " + history);
                assertTrue(
                        !e.getString("from").equals(e.getString("to")),
                        "no entry for a change to the same " + "value: " + e);
                value.put(field, e.getString("to"));
            }
        }
        assertEquals(value.get("status"), last.getString("status"), "final status = the last status entry");
        assertEquals(value.get("priority"), last.getString("final_priority"), "final priority = its last entry");
        assertEquals(value.get("queue"), last.getString("final_queue"), "final queue = its last entry");
        return history.size();
    }

    // ------------------------------------------------------------------------------------------ 20 DELETEs

    private static String parallelDeletes(TestServer server, String kind) throws Exception {
        String reference = create(server, "cd" + UUID.randomUUID().toString().substring(0, 8))
                .getString("reference");
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            requests.add(null);
        }
        List<Answer> answers = race(server, reference, requests, -1);
        Map<Integer, Integer> byStatus = byStatus(answers);
        assertEquals(1, byStatus.getOrDefault(204, 0), "exactly one of the parallel DELETEs deleted: " + answers);
        for (Answer a : answers) {
            assertTrue(
                    a.status() == 204 || a.status() == 404 || a.status() == 409,
                    "a DELETE racing DELETEs answers 204, or 404 / 409 as a problem: " + a);
            if (a.status() != 204) {
                assertTrue(a.contentType().startsWith("application/problem+json"), a.toString());
            }
            if (a.status() == 409) {
                assertConflict(a, reference);
            }
        }
        assertEquals(404, get(server, reference).status(), "a ticket whose DELETE answered 204 is gone");
        return String.format(
                "[reliability] concurrent deletes (%s): %d parallel DELETEs of one ticket → %d 204/%d "
                        + "404/%d 409/%d other; gone afterwards",
                kind,
                PARALLEL,
                byStatus.getOrDefault(204, 0),
                byStatus.getOrDefault(404, 0),
                byStatus.getOrDefault(409, 0),
                answers.size()
                        - byStatus.getOrDefault(204, 0)
                        - byStatus.getOrDefault(404, 0)
                        - byStatus.getOrDefault(409, 0));
    }

    // ------------------------------------------------------------------------------------------ DELETE vs PATCHes

    private static String deleteRacingPatches(TestServer server, String kind) throws Exception {
        Map<Integer, Integer> patchStatuses = new TreeMap<>();
        int deleted = 0;
        for (int run = 0; run < RACES; run++) {
            String marker = "cr" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            String reference = create(server, marker).getString("reference");
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                bodies.add(
                        i % 2 == 0
                                ? "{\"note\": \"" + note(marker, i) + "\"}"
                                : "{\"status\": \"" + STATUSES[i % 3] + "\"}");
            }
            // the DELETE goes in the middle of the PATCHes
            List<Answer> answers = race(server, reference, bodies, 5);
            Answer delete = answers.get(5);
            assertEquals(204, delete.status(), "a DELETE racing PATCHes is never lost: " + delete);
            deleted++;
            for (Answer a : answers) {
                if (a == delete) {
                    continue;
                }
                patchStatuses.merge(a.status(), 1, Integer::sum);
                assertTrue(
                        a.status() == 200 || a.status() == 404 || a.status() == 409,
                        "a PATCH racing a DELETE answers 200 (applied before it), 404 (after it) or 409: " + a);
                if (a.status() != 200) {
                    assertTrue(a.contentType().startsWith("application/problem+json"), a.toString());
                }
            }
            // every answer is in: the ticket is gone and stays gone, nothing of it comes back in the list
            assertEquals(404, get(server, reference).status(), "the deleted ticket is not resurrected by a PATCH");
            Answer listed = send(server, "GET", "/api/tickets?q=" + marker, null);
            assertEquals(0, listed.json().getInt("count"), "nothing of the deleted ticket is listed: " + listed);
        }
        return String.format(
                "[reliability] delete racing patches (%s): %d races of 1 DELETE and 10 PATCHes → %d "
                        + "DELETEs 204, ticket gone afterwards in each; PATCH answers %s",
                kind, RACES, deleted, patchStatuses);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static void assertConflict(Answer a, String reference) {
        assertTrue(a.contentType().startsWith("application/problem+json"), "a 409 is a problem: " + a);
        JsonObject p = a.json();
        assertEquals("/docs/problems.html#conflict", p.getString("type"), a.toString());
        assertEquals(409, p.getInt("status"), a.toString());
        assertTrue(p.getString("detail").contains("status "), "the detail names the current state: " + a);
        assertEquals(reference, p.getJsonObject("current").getString("reference"), "and carries it: " + a);
    }

    /**
     * Sends the requests at once (a PATCH with each body; a null body is a DELETE; the request at index
     * {@code deleteAt}, if not negative, is a DELETE too) and returns the answers in request order.
     */
    private static List<Answer> race(TestServer server, String reference, List<String> bodies, int deleteAt)
            throws Exception {
        int n = bodies.size() + (deleteAt >= 0 ? 1 : 0);
        List<String> requests = new ArrayList<>(bodies);
        if (deleteAt >= 0) {
            requests.add(deleteAt, null);
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> futures = new ArrayList<>();
            for (String body : requests) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return body == null
                            ? send(server, "DELETE", "/api/tickets/" + reference, null)
                            : send(server, "PATCH", "/api/tickets/" + reference, body);
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : futures) {
                answers.add(f.get(120, TimeUnit.SECONDS));
            }
            for (Answer a : answers) {
                if (a.status() >= 500) {
                    fail("no 5xx for a concurrent change: " + a + "\nall answers: " + answers);
                }
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<Integer, Integer> byStatus(List<Answer> answers) {
        Map<Integer, Integer> m = new TreeMap<>();
        answers.forEach(a -> m.merge(a.status(), 1, Integer::sum));
        return m;
    }

    private static String note(String marker, int i) {
        return "note " + i + " " + marker;
    }

    /**
     * History entries as who changed which field from what to what (the time is left out: an answer shows it to the
     * nanosecond, the database keeps microseconds).
     */
    private static List<String> entries(List<JsonValue> history) {
        return history.stream()
                .map(JsonValue::asJsonObject)
                .map(e ->
                        e.getString("actor") + " " + e.getString("field") + " " + e.get("from") + " -> " + e.get("to"))
                .toList();
    }

    private static List<String> notes(JsonObject ticket) {
        List<String> notes = new ArrayList<>();
        for (JsonValue v : ticket.getJsonArray("history")) {
            if ("note".equals(v.asJsonObject().getString("field"))) {
                notes.add(v.asJsonObject().getString("to"));
            }
        }
        return notes;
    }

    private static JsonObject create(TestServer server, String marker) throws Exception {
        Answer a = send(
                server,
                "POST",
                "/api/tickets",
                "{\"subject\": \"Concurrent " + marker + "\", \"body\": \"" + TEXT + " " + marker + "\"}");
        assertEquals(201, a.status(), a.toString());
        return a.json();
    }

    private static List<String> queues(TestServer server) throws Exception {
        Answer a = send(server, "GET", "/api/model", null);
        assertEquals(200, a.status(), a.toString());
        return a.json().getJsonArray("queues").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
    }

    private static Answer get(TestServer server, String reference) throws Exception {
        return send(server, "GET", "/api/tickets/" + reference, null);
    }

    /** As the admin (HTTP Basic). */
    static Answer send(TestServer server, String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.url(path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", Credentials.ADMIN_BASIC)
                .header("Accept", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(
                method + " " + path + (json == null ? "" : " " + json),
                r.statusCode(),
                r.headers().firstValue("Content-Type").orElse(""),
                r.body());
    }
}
