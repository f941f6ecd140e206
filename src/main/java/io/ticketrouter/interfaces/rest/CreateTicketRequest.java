package io.ticketrouter.interfaces.rest;

import io.ticketrouter.application.NewTicket;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A ticket as a customer submits it. */
@Schema(name = "CreateTicketRequest", description = "A new support ticket")
public record CreateTicketRequest(
        @Schema(description = "Optional subject line, at most 300 characters", example = "Invoice charged twice")
        String subject,

        @Schema(
                description = "The message, 10 to 10000 characters",
                required = true,
                example = "My credit card was charged twice for invoice 2024-118. Please refund one payment.")
        String body,

        @Schema(description = "Alias of body (deprecated)", deprecated = true)
        String text,

        @Schema(name = "customer_name", description = "Optional, at most 200 characters", example = "Ana Silva")
        String customerName,

        @Schema(name = "customer_email", description = "Optional e-mail address", example = "ana@example.com")
        String customerEmail)
        implements JsonRequest {

    NewTicket toNewTicket() {
        return new NewTicket(
                InputRules.subject(subject),
                InputRules.body(body, text),
                InputRules.customerName(customerName),
                InputRules.customerEmail(customerEmail));
    }
}
