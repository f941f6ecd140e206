package io.ticketrouter.interfaces.rest;

import io.ticketrouter.application.TicketChanges;
import io.ticketrouter.domain.model.ticket.Ticket;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agent's changes; fields left out stay as they are. Corrections never overwrite the prediction. */
@Schema(name = "UpdateTicketRequest", description = "Agent changes: any of queue, priority, status, note")
public record UpdateTicketRequest(
        @Schema(description = "Corrected department: one of the model's queues", example = "Billing and Payments")
        String queue,

        @Schema(
                description = "Corrected priority",
                enumeration = {"high", "medium", "low"},
                example = "high")
        String priority,

        @Schema(
                description = "New status",
                enumeration = {"open", "in_progress", "resolved"},
                example = "in_progress")
        String status,

        @Schema(description = "A note for the history, 1 to 2000 characters", example = "Called the customer back")
        @PlainText(lines = InputRules.Lines.MANY, min = 1, max = Ticket.NOTE_MAX)
        String note)
        implements JsonRequest {

    TicketChanges toChanges() {
        return new TicketChanges(queue, priority, status, InputRules.normalize(note));
    }
}
