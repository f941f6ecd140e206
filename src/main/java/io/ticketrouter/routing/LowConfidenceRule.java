package io.ticketrouter.routing;

import io.ticketrouter.spi.RoutingApi;
import io.ticketrouter.spi.RoutingChange;
import io.ticketrouter.spi.RoutingRequest;
import io.ticketrouter.spi.RoutingRule;
import java.util.Locale;

/**
 * When the model is less sure of the queue than the bundle's per-queue review threshold, a human reviews the
 * ticket. Order 0: rules with a higher order can still clear the review for tickets they recognize.
 */
public final class LowConfidenceRule implements RoutingRule {

    static final String NAME = "low-confidence";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String apiVersion() {
        return RoutingApi.VERSION;
    }

    @Override
    public String version() {
        return "built-in";
    }

    @Override
    public int order() {
        return 0;
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
