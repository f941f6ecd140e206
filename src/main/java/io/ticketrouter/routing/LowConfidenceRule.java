package io.ticketrouter.routing;

import io.ticketrouter.spi.AbstractRoutingRule;
import io.ticketrouter.spi.RoutingApi;
import io.ticketrouter.spi.RoutingChange;
import io.ticketrouter.spi.RoutingRequest;
import java.util.Locale;

/**
 * When the model is less sure of the queue than the bundle's per-queue review threshold, a human reviews the
 * ticket. Order 0: rules with a higher order can still clear the review for tickets they recognize.
 */
public final class LowConfidenceRule extends AbstractRoutingRule {

    static final String NAME = "low-confidence";

    public LowConfidenceRule() {
        super(NAME, RoutingApi.VERSION, 0);
    }

    @Override
    public String version() {
        return "built-in";
    }

    @Override
    public RoutingChange apply(RoutingRequest request) {
        var prediction = request.prediction();
        if (!prediction.belowReviewThreshold() || request.needsReview()) {
            return RoutingChange.NONE;
        }
        return RoutingChange.because(String.format(
                        Locale.ROOT,
                        "the model is only %d%% sure this belongs to %s, below the %d%% review threshold for that "
                                + "queue: check the department before routing",
                        Math.round(prediction.queueConfidence() * 100),
                        prediction.queue(),
                        Math.round(prediction.queueReviewThreshold() * 100)))
                .needsReview(true);
    }
}
