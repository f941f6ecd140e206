package io.ticketrouter.interfaces.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A text to classify. {@code text} is accepted instead of {@code body} for clients of the old service. */
@Schema(name = "PredictRequest", description = "A ticket text to classify")
public record PredictRequest(
        @Schema(description = "Optional subject line, at most 300 characters", example = "Cannot log in")
        String subject,

        @Schema(
                description = "The message, 10 to 10000 characters",
                required = true,
                example = "Since this morning I cannot log in to the customer portal, it says my password is wrong.")
        String body,

        @Schema(description = "Alias of body (deprecated)", deprecated = true)
        String text)
        implements JsonRequest {

    String validBody() {
        return InputRules.body(body, text);
    }

    String validSubject() {
        return InputRules.subject(subject);
    }
}
