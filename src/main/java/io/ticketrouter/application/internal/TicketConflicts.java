package io.ticketrouter.application.internal;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Changes of one ticket by concurrent requests. Each change runs in its own transaction, which locks the ticket's row
 * while it reads it, so changes of one ticket wait for each other. A change that still loses a race (its lock wait
 * timed out, the version column found a newer ticket, the database reports a serialization failure or deadlock) is
 * run again, reading the ticket anew, so it applies to the current state or finds the ticket gone, up to a few
 * times with a short random pause so that the racers spread out.
 */
final class TicketConflicts {

    /** Attempts of one change before the caller is told of the conflict. */
    static final int ATTEMPTS = 12;

    /**
     * SQLSTATEs of a lost race rather than an error: serialization failure, deadlock (both databases), lock not
     * available (PostgreSQL), lock timeout (H2).
     */
    private static final Set<String> SQL_STATES = Set.of("40001", "40P01", "55P03", "HYT00");

    /** H2's own codes for a concurrent update of the same row and a lock timeout. */
    private static final Set<Integer> H2_CODES = Set.of(90131, 50200);

    /** Thrown when a change lost the race every time. */
    static final class Lost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Lost(Throwable last) {
            super(
                    "the change lost the race against other changes of the same ticket " + ATTEMPTS + " times",
                    last,
                    false,
                    false);
        }
    }

    private TicketConflicts() {}

    /** Runs the change, again while it loses a race; {@link Lost} after {@link #ATTEMPTS}. */
    static <T> T retrying(Supplier<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return change.get();
            } catch (RuntimeException e) {
                if (!isLostRace(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw new Lost(e);
                }
                pause(attempt);
            }
        }
    }

    /** Whether the failure is a concurrent change of the same rows (optimistic-lock or lock-wait failure). */
    static boolean isLostRace(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String name = c.getClass().getName();
            if (c instanceof jakarta.persistence.OptimisticLockException
                    || c instanceof jakarta.persistence.PessimisticLockException
                    || c instanceof jakarta.persistence.LockTimeoutException
                    || name.endsWith(".OptimisticLockException")) {
                return true;
            }
            if (c instanceof SQLException sql
                    && (SQL_STATES.contains(sql.getSQLState())
                            || name.startsWith("org.h2.") && H2_CODES.contains(sql.getErrorCode()))) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 4L * attempt + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a ticket change", e);
        }
    }
}
