package io.ticketrouter.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The prediction and the request a rule gets are snapshots: nobody can change them under the rule, nor can it. */
class ModelPredictionTest {

    private static ModelPrediction prediction(double confidence, double threshold) {
        return new ModelPrediction(
                "IT Support",
                confidence,
                "low",
                0.7,
                Map.of("IT Support", confidence, "Billing and Payments", 1 - confidence),
                Map.of("low", 0.7, "medium", 0.2, "high", 0.1),
                threshold,
                List.of("login"));
    }

    @Test
    void belowTheReviewThresholdOnlyWhenLessSureThanIt() {
        assertTrue(prediction(0.39, 0.4).belowReviewThreshold());
        assertFalse(prediction(0.4, 0.4).belowReviewThreshold(), "exactly at the threshold needs no review");
        assertFalse(prediction(0.9, 0.4).belowReviewThreshold());
    }

    @Test
    void probabilitiesAndKeywordsAreCopiedAndCannotBeChanged() {
        Map<String, Double> queues = new HashMap<>(Map.of("IT Support", 0.8));
        Map<String, Double> priorities = new HashMap<>(Map.of("low", 0.6));
        List<String> keywords = new ArrayList<>(List.of("login"));
        ModelPrediction prediction =
                new ModelPrediction("IT Support", 0.8, "low", 0.6, queues, priorities, 0.4, keywords);
        queues.put("Billing and Payments", 0.2);
        priorities.put("high", 0.4);
        keywords.add("password");

        assertEquals(Map.of("IT Support", 0.8), prediction.queueProbabilities());
        assertEquals(Map.of("low", 0.6), prediction.priorityProbabilities());
        assertEquals(List.of("login"), prediction.keywords());
        assertThrows(
                UnsupportedOperationException.class,
                () -> prediction.queueProbabilities().put("x", 1.0));
        assertThrows(
                UnsupportedOperationException.class,
                () -> prediction.priorityProbabilities().clear());
        assertThrows(
                UnsupportedOperationException.class, () -> prediction.keywords().add("x"));
    }

    @Test
    void requestLabelsAreCopiedAndCannotBeChanged() {
        Set<String> queues = new HashSet<>(Set.of("IT Support", "Billing and Payments"));
        Set<String> priorities = new HashSet<>(Set.of("high", "medium", "low"));
        RoutingRequest request = new RoutingRequest(
                new Ticket("", "body", "en", null),
                prediction(0.8, 0.4),
                "IT Support",
                "low",
                false,
                queues,
                priorities);
        queues.add("Sales");
        priorities.remove("high");

        assertEquals(Set.of("IT Support", "Billing and Payments"), request.queues());
        assertEquals(Set.of("high", "medium", "low"), request.priorities());
        assertThrows(UnsupportedOperationException.class, () -> request.queues().add("Sales"));
        assertThrows(
                UnsupportedOperationException.class, () -> request.priorities().clear());
    }
}
