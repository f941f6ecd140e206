package io.ticketrouter.interfaces.rest;

import io.ticketrouter.domain.model.ticket.Ticket;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agent's reply to the customer, sent by mail and kept in the ticket's history. */
@Schema(name = "ReplyRequest", description = "An agent's reply to the customer")
public record ReplyRequest(
        @Schema(
                description = "The reply, 1 to 10000 characters of plain text",
                example = "Hello Emma, we have reset your VPN profile. Could you try again?")
        @PlainText(lines = InputRules.Lines.MANY, min = 1, max = Ticket.BODY_MAX)
        String text)
        implements JsonRequest {

    String normalized() {
        return InputRules.normalize(text);
    }
}
