package io.ticketrouter.domain.model.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TicketTest {

    @Test
    void timesAreKeptAsTheDatabaseStoresThem() {
        Instant created = Instant.parse("2026-12-01T22:30:25.586267176Z");
        Ticket t = ticket(created);
        assertEquals(Instant.parse("2026-12-01T22:30:25.586267Z"), t.createdAt(), "microseconds, like the column");
        assertEquals(t.createdAt(), t.updatedAt());
        assertTrue(t.changeStatus(TicketStatus.RESOLVED, "ana", Instant.parse("2026-12-01T22:31:00.000000999Z")));
        assertEquals(Instant.parse("2026-12-01T22:31:00Z"), t.updatedAt());
        assertEquals(Instant.parse("2026-12-01T22:31:00Z"), t.history().get(0).at());
    }

    private static Ticket ticket() {
        return ticket(Instant.EPOCH);
    }

    private static Ticket ticket(Instant now) {
        return ticket(now, new Routing(List.of(), null, null, false, false, "Route to Billing"));
    }

    private static Ticket ticket(Instant now, Routing routing) {
        Map<String, Double> queues = new LinkedHashMap<>();
        queues.put("Billing", 0.7);
        queues.put("Technical Support", 0.3);
        Classification c = new Classification(
                "en",
                "Billing",
                0.7,
                "medium",
                0.6,
                queues,
                Map.of("medium", 0.6, "high", 0.3, "low", 0.1),
                List.of(new Keyword("invoice", 0.4)),
                0.5,
                "m1");
        return new Ticket(new TicketContent("Invoice", "Charged twice for my invoice", null, null), c, routing, now);
    }

    @Test
    void correctionsAreKeptBesideThePrediction() {
        Ticket t = ticket();
        assertTrue(t.correctQueue("Technical Support", "ana", Instant.EPOCH));
        assertTrue(t.correctPriority(Priority.HIGH, "ana", Instant.EPOCH));
        assertEquals("Billing", t.predictedQueue());
        assertEquals("medium", t.predictedPriority());
        assertEquals("Technical Support", t.finalQueue());
        assertEquals("high", t.finalPriority());
        assertFalse(t.urgent(), "a priority an agent sets does not make a ticket urgent");
        assertEquals(2, t.history().size());
        assertEquals("Billing", t.history().get(0).from());
    }

    /** Urgent means an urgent-keyword list or a rule said so, not merely a high priority. */
    @Test
    void onlyRoutingMakesATicketUrgent() {
        Ticket modelSaidHigh = ticket(Instant.EPOCH, new Routing(List.of(), "Billing", "high", false, false, "Route"));
        assertEquals("high", modelSaidHigh.finalPriority());
        assertFalse(modelSaidHigh.urgent(), "a refund request the model rated high is not an incident");
        Ticket outage = ticket(
                Instant.EPOCH,
                new Routing(
                        List.of(new RoutingDecision(
                                "urgent-keywords", "priority: medium -> high; urgent", "mentions \"outage\" (en)")),
                        "Billing",
                        "high",
                        false,
                        true,
                        "Route"));
        assertTrue(outage.urgent());
        assertTrue(outage.correctPriority(Priority.LOW, "ana", Instant.EPOCH));
        assertTrue(outage.urgent(), "what the urgent-keyword list found stays visible after a correction");
    }

    @Test
    void aCustomersMessageJoinsTheHistoryAndReopensAResolvedTicket() {
        Ticket t = ticket();
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        assertFalse(t.addCustomerMessage("Still broken.", "ana@example.es", now), "an open ticket stays open");
        t.changeStatus(TicketStatus.RESOLVED, "agent", now);
        String longAddress = "a".repeat(240) + "@example.es";
        assertTrue(t.addCustomerMessage("Again.", longAddress, now.plusSeconds(60)));
        assertEquals(TicketStatus.OPEN, t.status());
        HistoryEntry last = t.history().get(t.history().size() - 1);
        assertEquals("status", last.field(), "the reopening is recorded after the message");
        HistoryEntry message = t.history().get(t.history().size() - 2);
        assertEquals(Ticket.FIELD_MESSAGE, message.field());
        assertEquals("Again.", message.to());
        assertEquals(HistoryEntry.ACTOR_MAX, message.actor().length(), "a long address is cut to the column");
        t.addReply("We fixed it.", "agent", now.plusSeconds(120));
        assertEquals("We fixed it.", t.lastReply());
    }

    @Test
    void settingTheSameValueChangesNothing() {
        Ticket t = ticket();
        assertFalse(t.correctQueue("Billing", "ana", Instant.EPOCH));
        assertFalse(t.changeStatus(TicketStatus.OPEN, "ana", Instant.EPOCH));
        assertNull(t.correctedQueue());
        assertTrue(t.history().isEmpty());
    }

    @Test
    void predictionMapsRoundTripThroughTheirColumns() {
        Ticket t = ticket();
        assertEquals(
                List.of("Billing", "Technical Support"),
                List.copyOf(t.queueProbabilities().keySet()));
        assertEquals(0.4, t.keywords().get(0).weight());
        assertEquals(List.of(), t.routing());
    }
}
