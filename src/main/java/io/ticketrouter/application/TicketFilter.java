package io.ticketrouter.application;

/**
 * List filters as the API receives them, still as text; the service validates them (null = any).
 */
public record TicketFilter(
        String queue,
        String priority,
        String status,
        String language,
        Boolean needsReview,
        String source,
        String channel,
        String text,
        String after,
        String before,
        int limit) {}
