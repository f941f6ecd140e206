package io.ticketrouter.domain.model.ticket;

/**
 * Filters for listing tickets; null means "any". Queue and priority match the final values (after corrections).
 *
 * @param source where the tickets came from: {@link #MADE_HERE}, or the name of the helpdesk connector they came
 *               through
 * @param channel how the tickets came in ({@link Ticket#channel()})
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
        String source,
        String channel,
        String text,
        TicketReference after,
        TicketReference before) {

    /** The {@code source} of the tickets made in Ticket Router itself (its portal, its API), not by a helpdesk. */
    public static final String MADE_HERE = "ticketrouter";
}
