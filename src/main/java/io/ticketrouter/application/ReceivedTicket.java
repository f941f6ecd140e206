package io.ticketrouter.application;

/**
 * A ticket just stored, with the secret the customer needs to look up its status later without signing in. The token
 * is returned once, in the answer to the submission; only its digest is stored.
 */
public record ReceivedTicket(TicketView ticket, String statusToken) {}
