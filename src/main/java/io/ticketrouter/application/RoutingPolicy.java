package io.ticketrouter.application;

import io.ticketrouter.classification.Prediction;
import io.ticketrouter.domain.model.ticket.RoutingDecision;
import io.ticketrouter.domain.model.ticket.TicketContent;
import java.util.List;

/**
 * Where routing rules plug in: given a ticket and its prediction, which rules apply and what they change. The
 * default applies none; the plugin issue provides rules loaded from plugin jars.
 */
public interface RoutingPolicy {

    Routing route(TicketContent ticket, Prediction prediction);

    /**
     * @param decisions rules that fired, in order
     * @param queue     the queue after the rules (the predicted one when no rule changed it)
     * @param priority  the priority after the rules
     */
    record Routing(List<RoutingDecision> decisions, String queue, String priority) {
    }
}
