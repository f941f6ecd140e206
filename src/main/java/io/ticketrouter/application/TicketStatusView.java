package io.ticketrouter.application;

import java.time.Instant;

/**
 * What the customer who wrote a ticket may see of it: its reference, subject, status, the team handling it and
 * when it last changed. Nothing an agent wrote (notes, corrections' authors) and nothing about the model.
 */
public record TicketStatusView(
        String reference, String subject, String status, String team, Instant createdAt, Instant updatedAt) {

    /** The customer's part of a ticket. */
    public static TicketStatusView of(TicketView t) {
        return new TicketStatusView(
                t.reference(), t.subject(), t.status(), t.finalQueue(), t.createdAt(), t.updatedAt());
    }
}
