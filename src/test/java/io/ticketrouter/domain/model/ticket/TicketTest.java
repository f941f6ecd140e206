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
        Map<String, Double> queues = new LinkedHashMap<>();
        queues.put("Billing", 0.7);
        queues.put("Technical Support", 0.3);
        Classification c = new Classification("en", "Billing", 0.7, "medium", 0.6, queues,
                Map.of("medium", 0.6, "high", 0.3, "low", 0.1), List.of(new Keyword("invoice", 0.4)), 0.5, false,
                "Route to Billing", "m1");
        return new Ticket(new TicketContent("Invoice", "Charged twice for my invoice", null, null), c, List.of(),
                null, null, now);
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
        assertTrue(t.urgent());
        assertEquals(2, t.history().size());
        assertEquals("Billing", t.history().get(0).from());
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
        assertEquals(List.of("Billing", "Technical Support"), List.copyOf(t.queueProbabilities().keySet()));
        assertEquals(0.4, t.keywords().get(0).weight());
        assertEquals(List.of(), t.routing());
    }
}
