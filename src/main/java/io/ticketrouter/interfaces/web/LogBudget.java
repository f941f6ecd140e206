package io.ticketrouter.interfaces.web;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A bound on how fast requests can make the log grow: at most {@link #PER_MINUTE} entries a minute per budget, each
 * with its stack trace; beyond that the entries are counted, not written, and the next entry that fits says how many
 * were left out. Anything a client can provoke and that is still logged goes through one of these.
 */
public final class LogBudget {

    /** Server errors (500) caused by requests: written with their trace, as they are bugs to fix. */
    public static final LogBudget SERVER_ERRORS = new LogBudget(Level.SEVERE);
    /** Warnings about requests (a client went away in the middle of an answer, and the like), one line each. */
    public static final LogBudget REQUEST_WARNINGS = new LogBudget(Level.WARNING);

    static final int PER_MINUTE = 20;

    private final Level level;
    private final AtomicLong suppressed = new AtomicLong();
    private long windowStart;
    private int inWindow;

    private LogBudget(Level level) {
        this.level = level;
    }

    /** Logs the message (with the trace, if any) when the budget allows; counts it otherwise. */
    public void log(Logger logger, String message, Throwable trace) {
        if (!take(System.nanoTime())) {
            suppressed.incrementAndGet();
            return;
        }
        long left = suppressed.getAndSet(0);
        String text = left == 0
                ? message
                : message + " (" + left + " similar entries were left out in the last "
                        + "minute to keep the log small)";
        if (trace == null) {
            logger.log(level, text);
        } else {
            logger.log(level, text, trace);
        }
    }

    synchronized boolean take(long now) {
        if (now - windowStart > 60_000_000_000L || inWindow == 0 && windowStart == 0) {
            windowStart = now;
            inWindow = 0;
        }
        if (inWindow >= PER_MINUTE) {
            return false;
        }
        inWindow++;
        return true;
    }
}
