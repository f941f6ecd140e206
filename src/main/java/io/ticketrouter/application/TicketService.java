package io.ticketrouter.application;

import io.ticketrouter.classification.ModelInfo;

/** The use cases of Ticket Router. Every change is committed before the method returns and then published. */
public interface TicketService {

    /** Classifies and routes a text without storing it. */
    default PredictionView predict(String subject, String body) {
        return predict(subject, body, false);
    }

    /**
     * Classifies and routes a text without storing it; with {@code similar}, also the stored tickets most like it
     * ({@link #SIMILAR_DEFAULT} of them).
     */
    PredictionView predict(String subject, String body, boolean similar);

    /** Similar tickets shown when the caller does not say how many; at most {@link #SIMILAR_MAX}. */
    int SIMILAR_DEFAULT = 5;

    int SIMILAR_MAX = 20;

    /** Tickets in a page of the list when the caller does not say how many; at most {@link #PAGE_MAX}. */
    int PAGE_DEFAULT = 50;

    int PAGE_MAX = 500;

    /**
     * The stored tickets most like the ticket with this reference, most similar first, at most {@code limit}
     * (1 to {@link #SIMILAR_MAX}).
     */
    SimilarTickets similar(String reference, int limit);

    /**
     * Classifies, routes and stores a new ticket; fires {@link TicketChanged.Kind#CREATED} after the commit. The
     * receipt carries the customer's status token, which exists nowhere else in clear.
     */
    ReceivedTicket receive(NewTicket ticket);

    TicketView find(String reference);

    /**
     * What a customer may see of their own ticket, given its reference and the status token from the receipt.
     * An unknown reference and a wrong token fail alike ({@link TicketNotFoundException}), so neither can be probed.
     */
    TicketStatusView status(String reference, String statusToken);

    TicketPage list(TicketFilter filter);

    /**
     * Applies an agent's changes to the ticket as it is at that moment (concurrent changes of one ticket are applied
     * one after the other); fires {@link TicketChanged.Kind#UPDATED} when something changed. Throws
     * {@link TicketConflictException} when other changes kept winning, {@link TicketNotFoundException} when the
     * ticket is gone (also when it was deleted while this change waited).
     */
    TicketView update(String reference, TicketChanges changes, String actor);

    /**
     * An agent's reply to the customer: it joins the ticket's history and goes out by mail, threaded to the
     * customer's mails; fires {@link TicketChanged.Kind#REPLIED}.
     *
     * @throws InvalidInputException     when the text is empty or too long, or the ticket has no customer address
     * @throws MailUnavailableException  when outgoing mail is not configured
     */
    TicketView reply(String reference, String text, String actor);

    /**
     * Removes a ticket, also while it is being changed (the delete is then applied to the changed ticket); fires
     * {@link TicketChanged.Kind#DELETED} with its last state.
     */
    TicketView delete(String reference, String actor);

    ModelInfo model();
}
