package io.ticketrouter.application;

/**
 * Writes a {@link TicketEvent} as the JSON a receiver gets, with the same ticket JSON as the REST API's (implemented
 * by the interfaces layer, which owns the API's JSON). The outbox stores this text, so every attempt sends the same
 * bytes and the signature covers exactly them.
 */
public interface TicketEventJson {

    String json(TicketEvent event);

    /** The event written by {@link #json}. */
    TicketEvent read(String json);
}
