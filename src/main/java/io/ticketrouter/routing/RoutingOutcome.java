package io.ticketrouter.routing;

import java.util.List;

/**
 * Where a ticket goes after the rules.
 *
 * @param queue          the queue after the rules (the predicted one when no rule changed it)
 * @param priority       the priority after the rules and urgent keywords
 * @param needsReview    whether a human should check the ticket before routing
 * @param urgent         whether an urgent keyword was found (the priority is then {@code high})
 * @param recommendation the sentence an agent reads: where to route, why to review, why it is urgent
 * @param fired          every rule and keyword list that fired, in the order they ran
 */
public record RoutingOutcome(
        String queue,
        String priority,
        boolean needsReview,
        boolean urgent,
        String recommendation,
        List<FiredRule> fired) {

    public RoutingOutcome {
        fired = List.copyOf(fired);
    }

    /**
     * One rule that fired.
     *
     * @param rule   the plugin's name
     * @param change what it changed, for example {@code "priority: low -> high"}; {@code "no change"} when the
     *               decision already was what the rule wanted
     * @param reason the rule's reason, for agents
     */
    public record FiredRule(String rule, String change, String reason) {}
}
