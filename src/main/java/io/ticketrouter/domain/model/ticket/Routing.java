package io.ticketrouter.domain.model.ticket;

import java.util.List;

/**
 * Where routing put a new ticket, after the routing rules and urgent-keyword lists ran on its prediction.
 *
 * @param decisions      rules that fired, in order
 * @param queue          the queue after the rules (the predicted one when no rule changed it)
 * @param priority       the priority after the rules
 * @param needsReview    whether a rule asked for a human review (the built-in low-confidence rule does when the
 *                       model is unsure)
 * @param urgent         whether an urgent-keyword list or a rule said the ticket is urgent (its priority is then
 *                       the most urgent one); a priority the model or an agent chose never makes a ticket urgent
 * @param recommendation the sentence an agent reads: where to route, why to review, why it is urgent
 */
public record Routing(
        List<RoutingDecision> decisions,
        String queue,
        String priority,
        boolean needsReview,
        boolean urgent,
        String recommendation) {

    public Routing {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }
}
