package io.ticketrouter.interfaces.rest;

import io.ticketrouter.application.PredictionView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One answer per item, in the order sent; a bad item has a problem instead of a prediction. */
@Schema(name = "BatchPredictResponse")
public record BatchPredictResponse(
        @Schema(description = "One answer per item, in order")
        List<Item> items,

        @Schema(example = "2") int succeeded,
        @Schema(example = "1") int failed) {

    @Schema(name = "BatchPredictItem")
    public record Item(
            @Schema(description = "Position of the item in the request, from 0", example = "0")
            int index,

            @Schema(nullable = true) PredictionView prediction,

            @Schema(nullable = true, description = "Why this item could not be classified")
            Problem error) {}
}
