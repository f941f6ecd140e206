package io.ticketrouter.domain.model.ticket;

/** One routing rule that fired for a ticket: its name, what it changed and why. */
public record RoutingDecision(String rule, String change, String reason) {}
