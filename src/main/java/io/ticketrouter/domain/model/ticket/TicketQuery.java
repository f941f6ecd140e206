package io.ticketrouter.domain.model.ticket;

/**
 * Filters for listing tickets; null means "any". Queue and priority match the final values (after corrections).
 *
 * @param text   case-insensitive substring of subject or body
 * @param after  only tickets created after this one (catch-up); results are the oldest ones after it
 * @param before only tickets created before this one (paging back in time)
 */
public record TicketQuery(
        String queue,
        String priority,
        TicketStatus status,
        String language,
        Boolean needsReview,
        String text,
        TicketReference after,
        TicketReference before) {}
