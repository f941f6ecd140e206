package io.ticketrouter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Zammad connector on the real WAR, against a stand-in Zammad ({@link FakeZammad}): a trigger's webhook in, the
 * ticket classified and routed, group, priority, tags and an internal note written back with the token; a redelivery
 * changes nothing twice; a wrong signature is refused and stores nothing; an agent's correction is written back; a
 * Zammad that is away gets everything once it is back.
 */
class ConnectorsIT {

    static final String TOKEN = "zammad-agent-token-it";
    static final String SIGNATURE = "zammad-webhook-token-it-0123";
    /** Every department of the test model to a Zammad group. */
    static final Map<String, String> GROUPS = Map.of(
            "Technical Support", "2nd Level",
            "IT Support", "IT",
            "Product Support", "Product",
            "Service Outages and Maintenance", "Operations",
            "Billing and Payments", "Billing",
            "Returns and Exchanges", "Returns",
            "Customer Service", "Users",
            "Sales and Pre-Sales", "Sales",
            "Human Resources", "HR",
            "General Inquiry", "Users");

    static final Map<String, String> PRIORITIES = Map.of("high", "3 high", "medium", "2 normal", "low", "1 low");

    private static FakeZammad zammad;
    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        TestModel.require();
        Database db = Database.forThisRun("connectors");
        zammad = new FakeZammad(TOKEN, Set.copyOf(GROUPS.values())).up();
        Path data = WorkDirs.fresh("connectors-" + db.kind + "-data");
        Path plugins = Files.createDirectories(data.resolve("plugins"));
        Path jars = Path.of(System.getProperty("basedir", "."), "target", "plugins", "connectors", "zammad", "target");
        try (Stream<Path> files = Files.list(jars)) {
            Path jar = files.filter(p -> p.getFileName().toString().matches("zammad-connector-[0-9.]+\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no zammad-connector jar in " + jars));
            Files.copy(jar, plugins.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, String> config = TestServer.config(data, TestServer.MODEL, db);
        config.put("ticketrouter.plugin.zammad.url", zammad.url());
        config.put("ticketrouter.plugin.zammad.token", TOKEN);
        config.put("ticketrouter.plugin.zammad.secret", SIGNATURE);
        StringBuilder groups = new StringBuilder();
        GROUPS.forEach((q, g) -> groups.append(q).append('=').append(g).append(';'));
        config.put("ticketrouter.plugin.zammad.groups", groups.toString());
        // write-backs of a Zammad that is away are tried again quickly
        config.put("ticketrouter.webhooks.retry.first-seconds", "1");
        config.put("ticketrouter.webhooks.retry.longest-seconds", "2");
        server = TestServer.start("connectors-" + db.kind, config);
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        if (zammad != null) {
            zammad.close();
        }
    }

    @Test
    void aZammadTicketIsRoutedAndGroupPriorityTagsAndAnInternalNoteAreWrittenBackOnce() throws Exception {
        long id = ThreadLocalRandom.current().nextLong(1_000, 1_000_000);
        String payload = FakeZammad.payload(
                id,
                "VPN trennt sich ständig",
                "<div>Seit dem Update trennt sich das <b>VPN</b> alle zehn Minuten, dringend!</div>",
                "Emma",
                "Weber",
                "emma.weber@example.org");
        String delivery = UUID.randomUUID().toString();
        HttpResponse<String> first = FakeZammad.trigger(webhook(), payload, SIGNATURE, delivery);
        assertEquals(201, first.statusCode(), first.body());
        JsonObject answer = json(first.body());
        assertEquals("created", answer.getString("result"));
        String reference = answer.getString("reference");

        JsonObject ticket = http.get("/api/tickets/" + reference).json();
        assertEquals("helpdesk", ticket.getString("channel"));
        assertEquals("zammad", ticket.getString("source"));
        assertEquals(String.valueOf(id), ticket.getString("external_id"));
        assertEquals(zammad.url() + "/#ticket/zoom/" + id, ticket.getString("external_url"));
        assertEquals("VPN trennt sich ständig", ticket.getString("subject"));
        assertEquals("Seit dem Update trennt sich das VPN alle zehn Minuten, dringend!", ticket.getString("body"));
        assertEquals("emma.weber@example.org", ticket.getString("customer_email"));

        String path = "/api/v1/tickets/" + id;
        Eventually.until(
                Duration.ofSeconds(30),
                "Zammad got the group, the priority and the internal note",
                () -> callsFor(id).stream().anyMatch(c -> c.path().equals("/api/v1/ticket_articles")),
                () -> zammad.calls().toString());
        List<FakeZammad.Call> calls = callsFor(id);
        FakeZammad.Call update = calls.get(0);
        assertEquals("PUT", update.method());
        assertEquals(path, update.path());
        assertEquals(200, update.status(), "Zammad took the group and priority: " + update);
        assertEquals(GROUPS.get(ticket.getString("final_queue")), update.body().getString("group"));
        assertEquals(
                PRIORITIES.get(ticket.getString("final_priority")),
                update.body().getString("priority"));
        for (FakeZammad.Call c : calls) {
            assertEquals("Token token=" + TOKEN, c.authorization(), "every call carries the token: " + c);
        }
        long tags =
                calls.stream().filter(c -> c.path().equals("/api/v1/tags/add")).count();
        long expectedTags = (ticket.getBoolean("needs_review") ? 1 : 0) + (ticket.getBoolean("urgent") ? 1 : 0);
        assertEquals(expectedTags, tags, "a tag for needs-review and one for urgent: " + calls);
        calls.stream()
                .filter(c -> c.path().equals("/api/v1/tags/add"))
                .forEach(c -> assertTrue(
                        Set.of("tr-needs-review", "tr-urgent").contains(c.body().getString("item"))));
        FakeZammad.Call note = calls.get(calls.size() - 1);
        assertEquals("/api/v1/ticket_articles", note.path());
        assertEquals(201, note.status());
        assertTrue(note.body().getBoolean("internal"), "the note is internal: " + note);
        assertEquals("note", note.body().getString("type"));
        String text = note.body().getString("body");
        assertTrue(text.contains(ticket.getString("final_queue")), text);
        assertTrue(text.contains(reference), text);
        assertTrue(
                text.contains(ticket.getJsonArray("keywords").getJsonObject(0).getString("term")),
                "the note names the words that drove the decision: " + text);

        // Zammad delivers the same webhook again (a retry after a lost answer): the same ticket, nothing written twice
        HttpResponse<String> again = FakeZammad.trigger(webhook(), payload, SIGNATURE, delivery);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals("existing", json(again.body()).getString("result"));
        assertEquals(reference, json(again.body()).getString("reference"));
        int before = callsFor(id).size();
        Eventually.holdsFor(
                Duration.ofSeconds(3),
                "no second write-back",
                () -> callsFor(id).size() == before);

        // an agent corrects the department in Ticket Router: the group is written again, nothing else
        String other = GROUPS.keySet().stream()
                .filter(q -> !q.equals(ticket.getString("final_queue"))
                        && !GROUPS.get(q).equals(update.body().getString("group")))
                .sorted()
                .findFirst()
                .orElseThrow();
        Http.Answer corrected = http.patch("/api/tickets/" + reference, "{\"queue\": \"" + other + "\"}");
        assertEquals(200, corrected.status(), corrected.toString());
        Eventually.until(
                Duration.ofSeconds(30),
                "the correction reached Zammad",
                () -> callsFor(id).stream()
                        .anyMatch(c -> c.method().equals("PUT")
                                && GROUPS.get(other).equals(c.body().getString("group"))),
                () -> callsFor(id).toString());
        assertEquals(before + 1, callsFor(id).size(), "a correction writes the group and priority only");
    }

    @Test
    void aWrongSignatureIsRefusedAndStoresNothing() throws Exception {
        long id = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000);
        String marker = "florbix" + id;
        String payload = FakeZammad.payload(
                id, "Forged " + marker, "<p>Please refund " + marker + "</p>", "Eve", "Mallory", "eve@example.org");
        for (String token : new String[] {"a-guessed-token-0123456789", null}) {
            HttpResponse<String> refused = FakeZammad.trigger(
                    webhook(), payload, token, UUID.randomUUID().toString());
            assertEquals(401, refused.statusCode(), refused.body());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(json(refused.body()).getString("detail").contains("nothing was stored"), refused.body());
        }
        assertEquals(
                0,
                http.get("/api/tickets?q=" + marker)
                        .json()
                        .getJsonArray("items")
                        .size(),
                "no ticket");
        assertEquals(List.of(), callsFor(id), "nothing written to Zammad");
        HttpResponse<String> unknown = FakeZammad.trigger(
                server.url("/api/connectors/otobo/webhook"),
                payload,
                SIGNATURE,
                UUID.randomUUID().toString());
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertTrue(json(unknown.body()).getString("detail").contains("installed: [zammad]"), unknown.body());
    }

    @Test
    void whileZammadIsAwayItsWriteBacksWaitAndArriveOnceItIsBack() throws Exception {
        long id = ThreadLocalRandom.current().nextLong(2_000_000, 3_000_000);
        String payload = FakeZammad.payload(
                id,
                "Invoice charged twice",
                "<p>My card was charged twice for invoice " + id + ", please refund one payment.</p>",
                "Ana",
                "Souza",
                "ana.souza@example.org");
        zammad.down();
        try {
            HttpResponse<String> created = FakeZammad.trigger(
                    webhook(), payload, SIGNATURE, UUID.randomUUID().toString());
            assertEquals(201, created.statusCode(), created.body());
            Eventually.until(
                    Duration.ofSeconds(30), "the write-back failed once and waits", () -> pendingWriteBacks() > 0);
        } finally {
            zammad.up();
        }
        Eventually.until(
                Duration.ofSeconds(30),
                "the write-back arrived once Zammad was back",
                () -> callsFor(id).stream().anyMatch(c -> c.path().equals("/api/v1/ticket_articles")),
                () -> zammad.calls().toString());
        assertEquals(
                1,
                callsFor(id).stream()
                        .filter(c -> c.path().equals("/api/v1/ticket_articles"))
                        .count());
    }

    @Test
    void oneZammadTicketSentEightTimesAtOnceIsOneTicketAndTheSourceFilterTellsItFromOurOwn() throws Exception {
        long id = ThreadLocalRandom.current().nextLong(3_000_000, 4_000_000);
        String marker = "quorvex" + id;
        String payload = FakeZammad.payload(
                id,
                "Drucker " + marker,
                "<p>Der Drucker im zweiten Stock druckt nur leere Seiten (" + marker + ").</p>",
                "Jonas",
                "Keller",
                "jonas.keller@example.org");
        String logBefore = server.log();
        // Zammad retries while the first call is still running: eight calls with different delivery ids at once
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> calls = new java.util.ArrayList<>();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < 8; i++) {
            calls.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    return FakeZammad.trigger(
                            webhook(), payload, SIGNATURE, UUID.randomUUID().toString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();
        Map<Integer, Long> statuses = new java.util.TreeMap<>();
        Set<String> references = new java.util.HashSet<>();
        for (var call : calls) {
            HttpResponse<String> r = call.get(60, java.util.concurrent.TimeUnit.SECONDS);
            statuses.merge(r.statusCode(), 1L, Long::sum);
            references.add(json(r.body()).getString("reference"));
        }
        assertEquals(Map.of(200, 7L, 201, 1L), statuses, "one call made the ticket, the others found it");
        assertEquals(1, references.size(), "every call names the same ticket: " + references);
        String reference = references.iterator().next();
        assertEquals(
                List.of(),
                ReliabilityIT.stackTraceLines(server.log().substring(logBefore.length())).stream()
                        .limit(20)
                        .toList(),
                "a refused second insert of the same ticket costs no stack trace in the log");

        Http.Answer own = http.post("/api/tickets", "{\"body\": \"Our own portal ticket about " + marker + "\"}");
        assertEquals(201, own.status(), own.toString());
        String ownReference = own.json().getString("reference");
        assertEquals(List.of(reference), references(http.get("/api/tickets?source=zammad&q=" + marker)));
        assertEquals(List.of(ownReference), references(http.get("/api/tickets?source=ticketrouter&q=" + marker)));
        assertEquals(
                List.of(ownReference, reference), references(http.get("/api/tickets?q=" + marker)), "newest first");
        assertEquals(List.of(), references(http.get("/api/tickets?source=otobo&q=" + marker)));
        Http.Answer bad = http.get("/api/tickets?source=zammad%3Bdrop");
        assertEquals(400, bad.status(), bad.toString());
        assertEquals("application/problem+json", bad.contentType());
        assertTrue(bad.json().getString("detail").contains("source must be ticketrouter"), bad.body());
    }

    private static List<String> references(Http.Answer page) {
        assertEquals(200, page.status(), page.toString());
        return page.json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("reference"))
                .toList();
    }

    private static long pendingWriteBacks() {
        try {
            Http.Answer a = http.get("/api/webhooks/deliveries?state=pending&limit=200");
            return a.json().getJsonArray("items").stream()
                    .map(v -> v.asJsonObject())
                    .filter(d -> d.getString("receiver").equals("connector:zammad") && d.getInt("attempts") > 0)
                    .count();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.net.URI webhook() {
        return server.url("/api/connectors/zammad/webhook");
    }

    private static List<FakeZammad.Call> callsFor(long id) {
        return zammad.calls().stream()
                .filter(c -> c.path().equals("/api/v1/tickets/" + id)
                        || (c.body() != null
                                && (c.body().getJsonNumber("o_id") != null
                                                && c.body()
                                                                .getJsonNumber("o_id")
                                                                .longValue()
                                                        == id
                                        || c.body().getJsonNumber("ticket_id") != null
                                                && c.body()
                                                                .getJsonNumber("ticket_id")
                                                                .longValue()
                                                        == id)))
                .toList();
    }

    private static JsonObject json(String body) {
        try (var r = jakarta.json.Json.createReader(new StringReader(body))) {
            return r.readObject();
        }
    }
}
