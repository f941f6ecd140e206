package io.ticketrouter.application;

/**
 * Writes a {@link TicketEvent} as the JSON a receiver gets, with the same ticket JSON as the REST API's (implemented
 * by the interfaces layer, which owns the API's JSON), and the outbox's mails to customers. The outbox stores this
 * text, so every attempt sends the same bytes and the signature covers exactly them.
 */
public interface TicketEventJson {

    String json(TicketEvent event);

    /** The event written by {@link #json}. */
    TicketEvent read(String json);

    /** A mail to a customer as the outbox keeps it until it is sent. */
    String json(OutgoingMail mail);

    /** The mail written by {@link #json(OutgoingMail)}. */
    OutgoingMail readMail(String json);
}
