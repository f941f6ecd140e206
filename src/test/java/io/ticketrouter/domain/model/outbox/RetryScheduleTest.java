package io.ticketrouter.domain.model.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final RetrySchedule DEFAULTS =
            new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofDays(1));

    @Test
    void eachWaitIsTwiceTheOneBeforeUpToTheLongest() {
        assertEquals(Duration.ofSeconds(10), DEFAULTS.wait(1));
        assertEquals(Duration.ofSeconds(20), DEFAULTS.wait(2));
        assertEquals(Duration.ofSeconds(40), DEFAULTS.wait(3));
        assertEquals(Duration.ofSeconds(2560), DEFAULTS.wait(9));
        assertEquals(Duration.ofHours(1), DEFAULTS.wait(10), "5120 s is longer than the longest wait");
        assertEquals(Duration.ofHours(1), DEFAULTS.wait(10_000), "no overflow after many attempts");
    }

    @Test
    void attemptsStopWhenTheNextWouldComeAfterTheGiveUpTime() {
        Instant occurred = Instant.parse("2026-12-01T10:00:00Z");
        Instant now = occurred.plus(Duration.ofHours(23)).plusSeconds(30 * 60);
        assertEquals(Optional.empty(), DEFAULTS.next(20, now, occurred), "an hour after 23:30 is past the day");
        assertEquals(Optional.of(occurred.plusSeconds(10)), DEFAULTS.next(1, occurred, occurred), "the first retry");
        Instant beforeTheEnd = occurred.plus(Duration.ofHours(22));
        assertEquals(Optional.of(occurred.plus(Duration.ofHours(23))), DEFAULTS.next(20, beforeTheEnd, occurred));
    }

    @Test
    void aDeliveryGivenUpIsFailedAndAnAdminPutsItBackWithAFreshSchedule() {
        Instant occurred = Instant.parse("2026-12-01T10:00:00Z");
        RetrySchedule quick = new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(5));
        OutboxEvent event = new OutboxEvent("e-1", "ticket.created", "TR-000001", 0, occurred, "{}");
        Delivery d = new Delivery(event, "http://127.0.0.1:9/hook");
        assertEquals(DeliveryState.PENDING, d.state());
        assertEquals(occurred, d.nextAttemptAt(), "the first attempt is due at once");

        d.attemptFailed(occurred, 500, "HTTP 500", quick);
        assertEquals(DeliveryState.PENDING, d.state());
        assertEquals(occurred.plusSeconds(1), d.nextAttemptAt());
        d.attemptFailed(occurred.plusSeconds(1), null, "connection refused", quick);
        assertEquals(occurred.plusSeconds(3), d.nextAttemptAt());
        d.attemptFailed(occurred.plusSeconds(3), 503, "x".repeat(2000), quick);
        assertEquals(DeliveryState.FAILED, d.state(), "3 s + 3 s is past the 5 s limit");
        assertEquals(3, d.attempts());
        assertEquals(Delivery.ERROR_MAX, d.lastError().length(), "a long error is cut");

        Instant later = occurred.plusSeconds(3600);
        assertTrue(d.retry(later));
        assertEquals(DeliveryState.PENDING, d.state());
        assertEquals(0, d.attempts());
        assertEquals(later, d.nextAttemptAt());
        d.delivered(later, 204);
        assertEquals(DeliveryState.DELIVERED, d.state());
        assertEquals(later, d.deliveredAt());
        assertEquals(false, d.retry(later.plusSeconds(1)), "a delivered event is not sent again");
    }

    @Test
    void aScheduleMustMakeSense() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }
}
