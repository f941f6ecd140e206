package io.ticketrouter.spi;

/**
 * A routing rule: looks at one ticket and the model's prediction and may change where it goes.
 *
 * <p>Register the implementation in {@code META-INF/services/io.ticketrouter.spi.RoutingRule}. Rules run one after
 * the other, lowest {@link #order()} first (ties by name); each sees the decision as the earlier rules left it in
 * {@link RoutingRequest#queue()}, {@link RoutingRequest#priority()} and {@link RoutingRequest#needsReview()}. The
 * ticket's routing record lists every rule that fired, what it changed and its reason. Urgent-keyword lists are
 * applied after all rules and always win: an urgent ticket ends with priority {@code high}.
 *
 * <p>{@link #apply} runs with a time limit (50 ms unless the operator changed it). A rule that throws, runs out of
 * time or names an unknown queue or priority is ignored for that ticket and counted as an error or a time-out; the
 * ticket is routed anyway. Rules must be thread-safe and should not do I/O per ticket.
 */
public interface RoutingRule extends Plugin {

    /**
     * Position in the chain, lowest first. The built-in low-confidence rule has order 0, so a rule with a higher
     * order can still clear "needs review" for tickets it recognizes. The operator may override it with the
     * configuration key {@code order}.
     */
    int order();

    /**
     * Decides for one ticket.
     *
     * @return {@link RoutingChange#NONE} when the rule does not apply, otherwise the change and its reason
     */
    RoutingChange apply(RoutingRequest request);
}
