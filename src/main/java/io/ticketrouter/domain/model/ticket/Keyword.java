package io.ticketrouter.domain.model.ticket;

/** A word of the ticket that pushed the predicted queue up, with its weight. */
public record Keyword(String term, double weight) {}
