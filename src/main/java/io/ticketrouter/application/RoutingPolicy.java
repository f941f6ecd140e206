package io.ticketrouter.application;

import io.ticketrouter.classification.Prediction;
import io.ticketrouter.domain.model.ticket.RoutingDecision;
import io.ticketrouter.domain.model.ticket.TicketContent;
import java.util.List;

/**
 * Where routing rules plug in: given a ticket and its prediction, which rules apply and what they change. The
 * default applies none; the plugin routing applies the rules loaded from plugin jars.
 */
public interface RoutingPolicy {

    Routing route(TicketContent ticket, Prediction prediction);

    /**
     * @param decisions      rules that fired, in order
     * @param queue          the queue after the rules (the predicted one when no rule changed it)
     * @param priority       the priority after the rules
     * @param needsReview    whether a rule asked for a human review (the built-in low-confidence rule does when the
     *                       model is unsure)
     * @param urgent         whether an urgent-keyword list fired (the priority is then high)
     * @param recommendation the sentence an agent reads: where to route, why to review, why it is urgent
     */
    record Routing(List<RoutingDecision> decisions, String queue, String priority, boolean needsReview,
                   boolean urgent, String recommendation) {
    }
}
