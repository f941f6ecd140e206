package io.ticketrouter.spi;

import java.util.Set;

/**
 * Everything a {@link RoutingRule} gets for one ticket. New components may be added in later minor versions.
 *
 * @param ticket      the ticket
 * @param prediction  the model's prediction, unchanged by rules
 * @param queue       the queue as the earlier rules left it (the predicted queue if none changed it)
 * @param priority    the priority as the earlier rules left it
 * @param needsReview whether an earlier rule asked for a human review
 * @param queues      the queue labels a rule may route to
 * @param priorities  the priority labels a rule may set ("high", "medium", "low")
 */
public record RoutingRequest(
        Ticket ticket,
        ModelPrediction prediction,
        String queue,
        String priority,
        boolean needsReview,
        Set<String> queues,
        Set<String> priorities) {

    public RoutingRequest {
        queues = Set.copyOf(queues);
        priorities = Set.copyOf(priorities);
    }
}
