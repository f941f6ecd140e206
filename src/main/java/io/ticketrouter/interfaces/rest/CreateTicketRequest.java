package io.ticketrouter.interfaces.rest;

import io.ticketrouter.application.NewTicket;
import io.ticketrouter.domain.model.ticket.Ticket;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A ticket as a customer submits it. */
@Schema(name = "CreateTicketRequest", description = "A new support ticket")
public record CreateTicketRequest(
        @Schema(description = "Optional subject line, at most 300 characters", example = "Invoice charged twice")
        @PlainText(lines = InputRules.Lines.ONE, max = Ticket.SUBJECT_MAX)
        String subject,

        @Schema(
                description = "The message, 10 to 10000 characters",
                required = true,
                example = "My credit card was charged twice for invoice 2024-118. Please refund one payment.")
        @PlainText(lines = InputRules.Lines.MANY, min = Ticket.BODY_MIN, max = Ticket.BODY_MAX)
        String body,

        @Schema(description = "Alias of body (deprecated)", deprecated = true)
        @PlainText(lines = InputRules.Lines.MANY, min = Ticket.BODY_MIN, max = Ticket.BODY_MAX)
        String text,

        @Schema(name = "customer_name", description = "Optional, at most 200 characters", example = "Ana Silva")
        @PlainText(lines = InputRules.Lines.ONE, max = Ticket.NAME_MAX)
        String customerName,

        @Schema(name = "customer_email", description = "Optional e-mail address", example = "ana@example.com")
        @EmailAddress
        String customerEmail)
        implements JsonRequest, MessageRequest {

    /** @param channel {@link NewTicket#PORTAL} or {@link NewTicket#API} */
    NewTicket toNewTicket(String channel) {
        return new NewTicket(
                subjectLine(),
                message(),
                InputRules.normalize(customerName),
                InputRules.normalizeEmail(customerEmail),
                channel);
    }
}
