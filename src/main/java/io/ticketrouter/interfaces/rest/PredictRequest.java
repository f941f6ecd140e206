package io.ticketrouter.interfaces.rest;

import io.ticketrouter.domain.model.ticket.Ticket;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A text to classify, optionally with the stored tickets most like it. {@code text} is accepted instead of {@code body} for clients of the old service. */
@Schema(name = "PredictRequest", description = "A ticket text to classify")
public record PredictRequest(
        @Schema(description = "Optional subject line, at most 300 characters", example = "Cannot log in")
        @PlainText(lines = InputRules.Lines.ONE, max = Ticket.SUBJECT_MAX)
        String subject,

        @Schema(
                description = "The message, 10 to 10000 characters",
                required = true,
                example = "Since this morning I cannot log in to the customer portal, it says my password is wrong.")
        @PlainText(lines = InputRules.Lines.MANY, min = Ticket.BODY_MIN, max = Ticket.BODY_MAX)
        String body,

        @Schema(description = "Alias of body (deprecated)", deprecated = true)
        @PlainText(lines = InputRules.Lines.MANY, min = Ticket.BODY_MIN, max = Ticket.BODY_MAX)
        String text,

        @Schema(description = "Also return the stored tickets most like this text (5 of them)", defaultValue = "false")
        Boolean similar)
        implements JsonRequest, MessageRequest {

    /** Whether the stored tickets most like the text are asked for. */
    public boolean similarAsked() {
        return Boolean.TRUE.equals(similar);
    }
}
