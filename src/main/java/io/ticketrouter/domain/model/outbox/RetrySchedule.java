package io.ticketrouter.domain.model.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after {@code first}, then each wait twice the one before, never longer
 * than {@code longest}; no attempt later than {@code giveUpAfter} from the event itself (then the delivery has failed).
 * With the defaults (10 s, 1 h, 24 h) a receiver that is away is tried 10 s, 20 s, 40 s ... after the event, then
 * hourly, for a day.
 */
public record RetrySchedule(Duration first, Duration longest, Duration giveUpAfter) {

    public RetrySchedule {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(longest, "longest");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0 || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("a retry schedule needs 0 < first <= longest and giveUpAfter >= 0, got "
                    + first + ", " + longest + ", " + giveUpAfter);
        }
    }

    /** The wait after the given number of failed attempts (1: the first wait). */
    public Duration wait(int failedAttempts) {
        Duration wait = first;
        for (int i = 1; i < failedAttempts && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longest) > 0 ? longest : wait;
    }

    /**
     * The time of the next attempt after {@code failedAttempts} failures, the last one at {@code now}; empty when that
     * would be later than {@code giveUpAfter} from {@code occurredAt}.
     */
    public Optional<Instant> next(int failedAttempts, Instant now, Instant occurredAt) {
        Instant next = now.plus(wait(failedAttempts));
        return next.isAfter(occurredAt.plus(giveUpAfter)) ? Optional.empty() : Optional.of(next);
    }
}
