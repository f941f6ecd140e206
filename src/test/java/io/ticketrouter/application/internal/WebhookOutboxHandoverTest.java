package io.ticketrouter.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ticketrouter.application.OutboxQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-over of a new ticket's deliveries to this member's senders: only to a receiver a sender listens for, in
 * commit order, a batch at a time, and never one whose lease would run out during its attempt (that one is leased
 * from the database once its lease has run out).
 */
class WebhookOutboxHandoverTest {

    private static final String RECEIVER = "https://hooks.example.com/in";

    private static WebhookOutbox.Handed handed(long delivery, Instant leaseUntil) {
        return new WebhookOutbox.Handed(
                RECEIVER,
                new OutboxQueue.Due(delivery, "event-" + delivery, "ticket.created", "TR-00000" + delivery, "{}"),
                leaseUntil);
    }

    private static List<Long> ids(List<OutboxQueue.Due> due) {
        return due.stream().map(OutboxQueue.Due::delivery).toList();
    }

    @Test
    void committedDeliveriesReachTheListeningSenderInOrderABatchAtATime() {
        WebhookOutbox outbox = new WebhookOutbox();
        Instant later = Instant.now().plusSeconds(60);
        outbox.onCommitted(new WebhookOutbox.Handover(List.of(handed(1, later))));
        assertEquals(List.of(), outbox.fresh(RECEIVER, 10, Duration.ofSeconds(5)), "nobody listened yet: dropped");

        outbox.listen(RECEIVER, "member-a");
        outbox.onCommitted(new WebhookOutbox.Handover(List.of(handed(2, later), handed(3, later))));
        outbox.onCommitted(new WebhookOutbox.Handover(List.of(handed(4, later))));
        assertEquals(List.of(2L, 3L), ids(outbox.fresh(RECEIVER, 2, Duration.ofSeconds(5))));
        assertEquals(List.of(4L), ids(outbox.fresh(RECEIVER, 2, Duration.ofSeconds(5))));
        assertEquals(List.of(), outbox.fresh(RECEIVER, 2, Duration.ofSeconds(5)));
        assertEquals(List.of(), outbox.fresh("https://other.example.com/", 2, Duration.ofSeconds(5)));
    }

    @Test
    void aDeliveryWithTooLittleLeaseLeftIsNotSentFromMemory() {
        WebhookOutbox outbox = new WebhookOutbox();
        outbox.listen(RECEIVER, "member-a");
        Instant now = Instant.now();
        outbox.onCommitted(new WebhookOutbox.Handover(
                List.of(handed(1, now.plusSeconds(3)), handed(2, now.plusSeconds(60)), handed(3, now))));
        assertEquals(
                List.of(2L),
                ids(outbox.fresh(RECEIVER, 10, Duration.ofSeconds(11))),
                "an attempt may take 10 s: a lease ending within 11 s is left to run out");
    }
}
