package io.ticketrouter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.infrastructure.webhooks.WebhookSignature;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Webhooks on the real WAR, against real HTTP receivers in this JVM: every ticket change reaches every receiver,
 * signed, in order per ticket, through a receiver outage of a minute, a {@code kill -9} of the server with events
 * pending, a receiver that never answers and one that fails until an admin sends its events again.
 *
 * <p>Runs beside the other test classes ({@code CONCURRENT}, see the failsafe configuration): most of its time is the
 * minute of the outage, in which it waits.
 */
@Execution(ExecutionMode.CONCURRENT)
class WebhooksIT {

    static final String SECRET = "it-webhook-secret-0123456789";
    /** How long the first receiver is down, as the issue of record asks: a minute. */
    static final Duration OUTAGE = Duration.ofSeconds(60);

    private static Database db;

    @BeforeAll
    static void database() {
        db = Database.forThisRun("webhooks");
    }

    @Test
    void everyChangeReachesEveryReceiverSignedAndInOrderThroughAnOutageAndACrash() throws Exception {
        TestModel.require();
        Path data = WorkDirs.fresh("webhooks-" + db.kind + "-data");
        try (WebhookReceiver flaky = WebhookReceiver.down("/hooks/flaky");
                WebhookReceiver silent = WebhookReceiver.silent("/hooks/silent");
                WebhookReceiver failing =
                        WebhookReceiver.down("/hooks/failing").answering(500).up()) {
            Map<String, String> config = TestServer.config(data, TestServer.MODEL, db);
            config.put("ticketrouter.webhooks.url", flaky.url() + "," + silent.url() + ", " + failing.url());
            config.put("ticketrouter.webhooks.secret", SECRET);
            config.put("ticketrouter.webhooks.timeout-seconds", "2");
            config.put("ticketrouter.webhooks.retry.first-seconds", "1");
            config.put("ticketrouter.webhooks.retry.longest-seconds", "3");
            // longer than the outage and a restart (the flaky receiver's events must survive both: a restart on
            // PostgreSQL took 65 s on a busy 2-core machine), short enough to see a give-up
            config.put("ticketrouter.webhooks.retry.give-up-seconds", "110");

            // what each ticket went through, in order: the event types its receivers must see
            Map<String, List<String>> expected = new LinkedHashMap<>();
            Instant outageStarts;
            int beforeCrash;
            try (TestServer server = TestServer.start("webhooks-1-" + db.kind, config)) {
                Http http = new Http(server);
                outageStarts = Instant.now(); // the flaky receiver misses every event of the next minute
                String first = created(http, "Mein Drucker druckt seit gestern nur leere Seiten.");
                expected.put(first, new ArrayList<>(List.of("ticket.created")));
                Eventually.until(
                        Duration.ofSeconds(30),
                        "the silent receiver holds a request of the server's",
                        () -> silent.accepted() > 0);
                for (int i = 0; i < 4; i++) {
                    // answered while the silent receiver keeps requests unanswered: the API does not wait for it
                    String reference =
                            created(http, "Ticket " + i + ": the VPN client drops the connection every ten minutes.");
                    expected.put(reference, new ArrayList<>(List.of("ticket.created")));
                }
                for (String reference : expected.keySet()) {
                    changed(http, reference, "{\"status\": \"in_progress\"}");
                    expected.get(reference).add("ticket.updated");
                    changed(http, reference, "{\"note\": \"Asked the customer for the logs\"}");
                    expected.get(reference).add("ticket.updated");
                }
                Http.Answer deleted = http.delete("/api/tickets/" + first);
                assertEquals(204, deleted.status(), deleted.toString());
                expected.get(first).add("ticket.deleted");

                beforeCrash = expected.values().stream().mapToInt(List::size).sum();
                Http.Answer pending = http.get("/api/webhooks/deliveries?state=pending&limit=200");
                assertEquals(200, pending.status(), pending.toString());
                assertTrue(
                        pending.json().getJsonArray("items").size() > 0,
                        "events wait in the outbox: " + pending.body());
                server.kill(); // kill -9 with events pending for the flaky and the failing receiver
            }

            try (TestServer server = TestServer.start("webhooks-2-" + db.kind, config)) {
                Http http = new Http(server);
                String after = created(http, "After the crash: the invoice shows the wrong VAT rate.");
                expected.put(after, new ArrayList<>(List.of("ticket.created")));
                changed(http, after, "{\"queue\": \"Billing and Payments\", \"priority\": \"high\"}");
                expected.get(after).add("ticket.updated");

                long wait = Duration.between(Instant.now(), outageStarts.plus(OUTAGE))
                        .toMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                flaky.up();
                int events = expected.values().stream().mapToInt(List::size).sum();
                Eventually.until(
                        Duration.ofSeconds(40),
                        "the flaky receiver, back after " + OUTAGE.toSeconds() + " s, has all " + events + " events",
                        () -> distinct(flaky.received()).size() == events,
                        () -> distinct(flaky.received()).size() + " distinct events");
                checkDeliveries(flaky, expected);

                // the failing receiver's events are given up after the limit and listed as failed for admins; those
                // of the first server are given up well before those made after the crash
                Eventually.until(
                        Duration.ofSeconds(90),
                        "the failing receiver's deliveries of before the crash are given up",
                        () -> failedTo(http, failing.url()).size() >= beforeCrash,
                        () -> failedTo(http, failing.url()).size() + " failed");
                // a ticket's first event was tried again and again; its later ones waited behind it (in order)
                JsonObject failed = failedTo(http, failing.url()).stream()
                        .max(java.util.Comparator.comparingInt(d -> d.getInt("attempts")))
                        .orElseThrow();
                assertEquals(500, failed.getInt("last_status"), failed.toString());
                assertEquals("HTTP 500", failed.getString("last_error"), failed.toString());
                assertTrue(failed.getInt("attempts") >= 5, "tried again and again before it was given up: " + failed);
                assertTrue(failed.isNull("next_attempt_at"), "a failed delivery is not tried again by itself");

                Http.Answer retried = http.post("/api/webhooks/deliveries/retry?state=failed", "");
                assertEquals(200, retried.status(), retried.toString());
                assertTrue(retried.json().getInt("retried") >= beforeCrash, retried.toString());
                failing.answering(204);
                Eventually.until(
                        Duration.ofSeconds(30),
                        "the failing receiver has all " + events + " events once an admin sent them again",
                        () -> distinct(failing.received()).size() == events,
                        () -> distinct(failing.received()).size() + " distinct events");
                checkDeliveries(failing, expected);

                Http.Answer bad = http.get("/api/webhooks/deliveries?state=lost");
                assertEquals(400, bad.status(), bad.toString());
                assertEquals("application/problem+json", bad.contentType());
                assertTrue(bad.json().getString("detail").contains("pending, delivered, failed"), bad.body());
                assertEquals(
                        List.of(),
                        ReliabilityIT.stackTraceLines(server.log()).stream()
                                .limit(20)
                                .toList(),
                        "receivers that are down, silent or failing cost no stack trace in the log");
            }
        }
    }

    /**
     * Every request is signed for its body at a time near its arrival; an event that came twice came with the same
     * id and body; per ticket, the distinct events are exactly its changes, in order, each ticket newer than before.
     */
    private static void checkDeliveries(WebhookReceiver receiver, Map<String, List<String>> expected) {
        Map<String, String> bodies = new HashMap<>();
        for (WebhookReceiver.Received r : receiver.received()) {
            assertEquals("POST", r.header(":method"));
            assertTrue(
                    r.header("Content-Type").startsWith("application/json"),
                    r.headers().toString());
            assertTrue(
                    WebhookSignature.verify(
                            SECRET, r.header(WebhookSignature.HEADER), r.body(), r.at().getEpochSecond(), 60),
                    "a valid signature, made when it was sent: " + r.headers());
            assertTrue(
                    !WebhookSignature.verify(
                            "another-secret-0123456789",
                            r.header(WebhookSignature.HEADER),
                            r.body(),
                            r.at().getEpochSecond(),
                            60),
                    "the signature depends on the secret");
            JsonObject event = r.json();
            assertEquals(event.getString("type"), r.header("X-TicketRouter-Event"));
            String earlier = bodies.putIfAbsent(event.getString("id"), r.body());
            assertTrue(earlier == null || earlier.equals(r.body()), "a repeated event is the same event");
        }
        Map<String, List<String>> seen = new LinkedHashMap<>();
        Map<String, Integer> historySize = new HashMap<>();
        for (WebhookReceiver.Received r : distinct(receiver.received())) {
            JsonObject event = r.json();
            JsonObject ticket = event.getJsonObject("ticket");
            String reference = ticket.getString("reference");
            seen.computeIfAbsent(reference, k -> new ArrayList<>()).add(event.getString("type"));
            assertTrue(Instant.parse(event.getString("occurred_at")).isBefore(r.at().plusSeconds(1)), event.toString());
            int size = ticket.getJsonArray("history").size();
            Integer before = historySize.put(reference, size);
            assertTrue(
                    before == null || size >= before,
                    "each event of " + reference + " shows the ticket no older than the one before: " + event);
            assertTrue(ticket.containsKey("queue") && ticket.get("queue").getValueType() == JsonValue.ValueType.OBJECT);
        }
        assertEquals(expected, seen, "per ticket, every change once, in the order it was made");
    }

    /** The first arrival of each event id, in arrival order. */
    private static List<WebhookReceiver.Received> distinct(List<WebhookReceiver.Received> all) {
        Map<String, WebhookReceiver.Received> first = new LinkedHashMap<>();
        for (WebhookReceiver.Received r : all) {
            first.putIfAbsent(r.json().getString("id"), r);
        }
        return new ArrayList<>(first.values());
    }

    private static List<JsonObject> failedTo(Http http, String url) {
        try {
            Http.Answer a = http.get("/api/webhooks/deliveries?state=failed&limit=200");
            assertEquals(200, a.status(), a.toString());
            return a.json().getJsonArray("items").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(d -> url.equals(d.getString("receiver")))
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String created(Http http, String body) throws Exception {
        Http.Answer a = http.post("/api/tickets", "{\"body\": \"" + body + "\"}");
        assertEquals(201, a.status(), a.toString());
        return a.json().getString("reference");
    }

    private static void changed(Http http, String reference, String json) throws Exception {
        Http.Answer a = http.patch("/api/tickets/" + reference, json);
        assertEquals(200, a.status(), a.toString());
    }
}
