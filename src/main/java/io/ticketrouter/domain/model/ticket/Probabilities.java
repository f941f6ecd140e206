package io.ticketrouter.domain.model.ticket;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A model's probability for each label, in the model's order (stored as one JSON column). */
public record Probabilities(Map<String, Double> byLabel) {

    public Probabilities {
        Map<String, Double> copy = new LinkedHashMap<>();
        if (byLabel != null) {
            byLabel.forEach((k, v) -> copy.put(k, v == null ? 0.0 : v));
        }
        byLabel = Collections.unmodifiableMap(copy);
    }
}
