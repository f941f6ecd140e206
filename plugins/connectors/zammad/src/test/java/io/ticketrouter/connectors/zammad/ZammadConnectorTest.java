package io.ticketrouter.connectors.zammad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.spi.HelpdeskCall;
import io.ticketrouter.spi.Incoming;
import io.ticketrouter.spi.IncomingCall;
import io.ticketrouter.spi.PluginContext;
import io.ticketrouter.spi.RoutedTicket;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ZammadConnectorTest {

    static final String SECRET = "zammad-signature-token-0123";
    static final Set<String> QUEUES = Set.of("Technical Support", "Billing and Payments", "IT Support");

    static ZammadConnector configured(Map<String, String> values) {
        ZammadConnector c = new ZammadConnector();
        c.configure(new PluginContext() {
            @Override
            public String pluginName() {
                return "zammad";
            }

            @Override
            public Optional<String> get(String key) {
                assertTrue(c.configurationKeys().contains(key), "declared: " + key);
                return Optional.ofNullable(values.get(key));
            }

            @Override
            public Set<String> queues() {
                return QUEUES;
            }

            @Override
            public Set<String> priorities() {
                return Set.of("high", "medium", "low");
            }
        });
        return c;
    }

    static ZammadConnector connector() {
        return configured(Map.of(
                "url", "https://zammad.example.com/",
                "token", "agent-token-abc",
                "secret", SECRET,
                "groups", "Technical Support=2nd Level; IT Support = IT"));
    }

    static byte[] payload() throws IOException {
        try (InputStream in = ZammadConnectorTest.class.getResourceAsStream("/ticket-created.json")) {
            return in.readAllBytes();
        }
    }

    static IncomingCall signed(byte[] body, String secret) {
        return new IncomingCall(
                Map.of(
                        "x-hub-signature", List.of(ZammadSignature.header(secret, body)),
                        "X-Zammad-Trigger", List.of("Ticket Router"),
                        "X-Zammad-Delivery", List.of("5b8c1e8a-0000-4000-8000-000000000001")),
                body);
    }

    @Test
    void aSignedTicketCreatedPayloadBecomesATicketWithItsTextCustomerAndLink() throws IOException {
        Incoming in = connector().receive(signed(payload(), SECRET));
        assertEquals(Incoming.Outcome.TICKET, in.outcome(), String.valueOf(in.reason()));
        assertEquals("123", in.ticket().id());
        assertEquals("https://zammad.example.com/#ticket/zoom/123", in.ticket().url());
        assertEquals("VPN trennt sich ständig", in.ticket().subject());
        assertEquals(
                "Hallo,\nseit dem Update trennt sich das VPN alle zehn Minuten.\nBitte dringend helfen & zurückrufen.",
                in.ticket().body(),
                "the article's HTML as text: lines kept, entities decoded, the script gone");
        assertEquals("Emma Weber", in.ticket().customerName());
        assertEquals("emma.weber@example.org", in.ticket().customerEmail());
    }

    @Test
    void aMissingOrWrongSignatureIsRefused() throws IOException {
        byte[] body = payload();
        assertEquals(
                Incoming.Outcome.REFUSED,
                connector().receive(new IncomingCall(Map.of(), body)).outcome());
        assertEquals(
                Incoming.Outcome.REFUSED,
                connector().receive(signed(body, "another-token-0123456789")).outcome());
        byte[] changed = new String(body, java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"id\":123", "\"id\":124")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        IncomingCall tampered =
                new IncomingCall(Map.of("X-Hub-Signature", List.of(ZammadSignature.header(SECRET, body))), changed);
        assertEquals(Incoming.Outcome.REFUSED, connector().receive(tampered).outcome(), "a changed body");
    }

    @Test
    void aSignedCallWithoutATicketIsIgnored() {
        byte[] body = "{\"ticket\": {}, \"article\": {}}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Incoming in = connector().receive(signed(body, SECRET));
        assertEquals(Incoming.Outcome.IGNORED, in.outcome());
        assertTrue(in.reason().contains("no ticket with an id"), in.reason());
        Incoming notJson = connector().receive(signed("<html>".getBytes(), SECRET));
        assertEquals(Incoming.Outcome.IGNORED, notJson.outcome());
    }

    static RoutedTicket routed(String event, boolean review, boolean urgent, boolean corrected) {
        return new RoutedTicket(
                event,
                "TR-000042",
                "123",
                "Technical Support",
                0.61,
                "high",
                0.83,
                review,
                urgent,
                corrected,
                List.of("vpn", "trennt", "<script>"),
                List.of("urgent-keywords: priority: medium -> high (dringend)"),
                "Route to Technical Support.");
    }

    @Test
    void aNewTicketGetsGroupPriorityTagsAndAnInternalNoteWithTheToken() {
        List<HelpdeskCall> calls = connector().writeBack(routed("ticket.created", true, true, false));
        assertEquals(4, calls.size(), calls.toString());
        HelpdeskCall update = calls.get(0);
        assertEquals("PUT", update.method());
        assertEquals("https://zammad.example.com/api/v1/tickets/123", update.url());
        assertEquals("{\"group\":\"2nd Level\",\"priority\":\"3 high\"}", update.body());
        for (HelpdeskCall c : calls) {
            assertEquals("Token token=agent-token-abc", c.headers().get("Authorization"));
            assertTrue(c.headers().get("Content-Type").startsWith("application/json"));
        }
        assertEquals("https://zammad.example.com/api/v1/tags/add", calls.get(1).url());
        assertEquals(
                "{\"object\":\"Ticket\",\"o_id\":123,\"item\":\"tr-needs-review\"}",
                calls.get(1).body());
        assertEquals(
                "{\"object\":\"Ticket\",\"o_id\":123,\"item\":\"tr-urgent\"}",
                calls.get(2).body());
        HelpdeskCall note = calls.get(3);
        assertEquals("https://zammad.example.com/api/v1/ticket_articles", note.url());
        assertTrue(note.body().contains("\"type\":\"note\"") && note.body().contains("\"internal\":true"), note.body());
        assertTrue(note.body().contains("Technical Support (61 %)"), note.body());
        assertTrue(note.body().contains("high (83 %)"), note.body());
        assertTrue(note.body().contains("vpn, trennt"), note.body());
        assertTrue(note.body().contains("urgent-keywords"), note.body());
        assertFalse(note.body().contains("<script>"), "every value is escaped in the note's HTML: " + note.body());
    }

    @Test
    void afterACorrectionOnlyGroupAndPriorityAreWrittenAndOtherChangesWriteNothing() {
        List<HelpdeskCall> corrected = connector().writeBack(routed("ticket.updated", false, false, true));
        assertEquals(1, corrected.size(), corrected.toString());
        assertEquals("PUT", corrected.get(0).method());
        assertEquals(List.of(), connector().writeBack(routed("ticket.updated", false, false, false)));
    }

    @Test
    void aMappingOfAQueueTheModelDoesNotHaveIsRefusedNamingTheQueues() {
        IllegalArgumentException e = refusedWith("groups", "Techincal Support=2nd Level");
        assertTrue(e.getMessage().contains("\"Techincal Support\" is not one of the model's queues"), e.getMessage());
        assertTrue(e.getMessage().contains("Billing and Payments, IT Support, Technical Support"), e.getMessage());
        IllegalArgumentException p = refusedWith("priorities", "urgent=3 high");
        assertTrue(p.getMessage().contains("high, low, medium"), p.getMessage());
        IllegalArgumentException missing =
                assertThrows(IllegalArgumentException.class, () -> configured(Map.of("url", "https://z.example.com")));
        assertTrue(missing.getMessage().startsWith("token is not set"), missing.getMessage());
    }

    /** The refusal of an otherwise complete configuration with {@code key} set to {@code value}. */
    private static IllegalArgumentException refusedWith(String key, String value) {
        return assertThrows(
                IllegalArgumentException.class,
                () -> configured(
                        Map.of("url", "https://zammad.example.com", "token", "t", "secret", SECRET, key, value)));
    }
}
