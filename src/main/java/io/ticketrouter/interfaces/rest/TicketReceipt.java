package io.ticketrouter.interfaces.rest;

import io.ticketrouter.application.TicketStatusView;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a customer who submitted a ticket without signing in gets back: the reference and the status token to look it
 * up later, its status, the team it went to and the times. Nothing about the model (probabilities, keywords, rules,
 * thresholds) and no history; signed-in agents get the whole ticket instead.
 */
@Schema(name = "TicketReceipt", description = "The customer's receipt for a submitted ticket")
public record TicketReceipt(
        @Schema(example = "TR-000042") String reference,
        @Schema(example = "Invoice charged twice") String subject,

        @Schema(
                enumeration = {"open", "in_progress", "resolved"},
                example = "open")
        String status,

        @Schema(description = "The department handling the ticket", example = "Billing and Payments")
        String team,

        Instant createdAt,
        Instant updatedAt,

        @Schema(description = "The secret for the status lookup (header X-Status-Token); given only here")
        String statusToken) {

    static TicketReceipt of(TicketStatusView s, String statusToken) {
        return new TicketReceipt(
                s.reference(), s.subject(), s.status(), s.team(), s.createdAt(), s.updatedAt(), statusToken);
    }
}
