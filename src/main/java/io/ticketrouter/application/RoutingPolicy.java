package io.ticketrouter.application;

import io.ticketrouter.classification.Prediction;
import io.ticketrouter.domain.model.ticket.Routing;
import io.ticketrouter.domain.model.ticket.TicketContent;

/**
 * Where routing rules plug in: given a ticket and its prediction, which rules apply and what they change. The
 * default applies none; the plugin routing applies the rules loaded from plugin jars.
 */
public interface RoutingPolicy {

    /** Where the ticket goes: the rules that fired and the queue, priority and flags they leave. */
    Routing route(TicketContent ticket, Prediction prediction);
}
