package io.ticketrouter.domain.model.ticket;

/**
 * What a customer wrote, already validated by the caller (lengths, e-mail shape).
 *
 * @param subject       may be empty, never null
 * @param body          the message, never null
 * @param customerName  optional
 * @param customerEmail optional
 */
public record TicketContent(String subject, String body, String customerName, String customerEmail) {

    public TicketContent {
        if (body == null) {
            throw new IllegalArgumentException("body is required");
        }
        subject = subject == null ? "" : subject;
    }
}
