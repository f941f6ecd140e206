package io.ticketrouter.interfaces.rest;

import jakarta.json.JsonArray;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Up to 100 texts to classify; each item is checked on its own. */
@Schema(name = "BatchPredictRequest", description = "Up to 100 texts to classify")
public record BatchPredictRequest(
        @Schema(
                description = "1 to 100 items shaped like PredictRequest",
                required = true,
                implementation = PredictRequest[].class)
        JsonArray items)
        implements JsonRequest {}
