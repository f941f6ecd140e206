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
        @ItemCount(
                min = 1,
                max = BatchPredictRequest.MAX_ITEMS,
                shape = "objects shaped like {\"subject\": ..., \"body\": ...}")
        JsonArray items)
        implements JsonRequest {

    /** The most texts one batch may hold. */
    static final int MAX_ITEMS = 100;
}
