package io.ticketrouter.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link RoutingRule} decided for one ticket: nothing ({@link #NONE}), or a reason plus any of a new queue,
 * a new priority, and forcing or clearing "needs review". Immutable; build it fluently:
 *
 * <pre>{@code
 * return RoutingChange.because("sender domain bigcorp.com is a VIP customer").priority("high");
 * return RoutingChange.because("mentions an invoice").queue("Billing and Payments").needsReview(false);
 * }</pre>
 *
 * The reason is shown to agents next to the ticket: write it for them, in a short sentence.
 */
public final class RoutingChange {

    /** The rule does not apply to this ticket. */
    public static final RoutingChange NONE = new RoutingChange(null, null, null, null);

    private final String reason;
    private final String queue;
    private final String priority;
    private final Boolean needsReview;

    private RoutingChange(String reason, String queue, String priority, Boolean needsReview) {
        this.reason = reason;
        this.queue = queue;
        this.priority = priority;
        this.needsReview = needsReview;
    }

    /**
     * Starts a change with the reason agents will read.
     *
     * @throws IllegalArgumentException if the reason is null or blank
     */
    public static RoutingChange because(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a routing change needs a reason for agents, got none");
        }
        return new RoutingChange(reason.strip(), null, null, null);
    }

    /** Routes the ticket to this queue (one of {@link RoutingRequest#queues()}). */
    public RoutingChange queue(String queue) {
        requireReason();
        return new RoutingChange(reason, Objects.requireNonNull(queue, "queue"), priority, needsReview);
    }

    /** Sets this priority (one of {@link RoutingRequest#priorities()}). */
    public RoutingChange priority(String priority) {
        requireReason();
        return new RoutingChange(reason, queue, Objects.requireNonNull(priority, "priority"), needsReview);
    }

    /** Forces ({@code true}) or clears ({@code false}) "needs review". */
    public RoutingChange needsReview(boolean needsReview) {
        requireReason();
        return new RoutingChange(reason, queue, priority, needsReview);
    }

    public boolean isNone() {
        return reason == null;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public Optional<String> newQueue() {
        return Optional.ofNullable(queue);
    }

    public Optional<String> newPriority() {
        return Optional.ofNullable(priority);
    }

    public Optional<Boolean> newNeedsReview() {
        return Optional.ofNullable(needsReview);
    }

    private void requireReason() {
        if (reason == null) {
            throw new IllegalStateException("start a change with RoutingChange.because(reason)");
        }
    }

    @Override
    public String toString() {
        return isNone()
                ? "RoutingChange.NONE"
                : "RoutingChange[queue=" + queue + ", priority=" + priority + ", needsReview=" + needsReview
                        + ", reason=" + reason + "]";
    }
}
