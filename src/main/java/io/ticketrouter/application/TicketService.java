package io.ticketrouter.application;

import io.ticketrouter.classification.ModelInfo;

/** The use cases of Ticket Router. Every change is committed before the method returns and then published. */
public interface TicketService {

    PredictionView predict(String subject, String body);

    /** Classifies, routes and stores a new ticket; fires {@link TicketChanged.Kind#CREATED} after the commit. */
    TicketView receive(NewTicket ticket);

    TicketView find(String reference);

    TicketPage list(TicketFilter filter);

    /** Applies an agent's changes; fires {@link TicketChanged.Kind#UPDATED} when something changed. */
    TicketView update(String reference, TicketChanges changes, String actor);

    /** Removes a ticket; fires {@link TicketChanged.Kind#DELETED} with its last state. */
    TicketView delete(String reference, String actor);

    ModelInfo model();
}
