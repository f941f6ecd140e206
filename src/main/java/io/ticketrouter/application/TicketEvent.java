package io.ticketrouter.application;

import java.time.Instant;

/**
 * A ticket change as a webhook receiver gets it: {@code {"id", "type", "occurred_at", "ticket"}}, where {@code ticket}
 * is the agent's view of the ticket after the change (for {@code ticket.deleted}: its last state).
 *
 * @param id         unique per event; a receiver that gets it twice (deliveries are at least once) drops the second
 * @param type       {@code ticket.created}, {@code ticket.updated}, {@code ticket.replied} or {@code ticket.deleted}
 * @param occurredAt when the change was made
 */
public record TicketEvent(String id, String type, Instant occurredAt, TicketView ticket) {

    /** The event type of a change: {@code ticket.created}, {@code ticket.updated}, {@code ticket.replied}, {@code ticket.deleted}. */
    public static String type(TicketChanged.Kind kind) {
        return "ticket." + kind.wireName();
    }
}
