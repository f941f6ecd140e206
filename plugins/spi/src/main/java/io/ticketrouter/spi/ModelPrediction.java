package io.ticketrouter.spi;

import java.util.List;
import java.util.Map;

/**
 * What the model predicted, before any rule. New components may be added in later minor versions of the API.
 *
 * @param queue                 the most probable queue
 * @param queueConfidence       its calibrated probability, 0 to 1
 * @param priority              the most probable priority ("high", "medium", "low")
 * @param priorityConfidence    its calibrated probability, 0 to 1
 * @param queueProbabilities    probability of every queue
 * @param priorityProbabilities probability of every priority
 * @param queueReviewThreshold  the model's review threshold for the predicted queue
 * @param keywords              words of the ticket that pushed the predicted queue up, strongest first
 */
public record ModelPrediction(
        String queue,
        double queueConfidence,
        String priority,
        double priorityConfidence,
        Map<String, Double> queueProbabilities,
        Map<String, Double> priorityProbabilities,
        double queueReviewThreshold,
        List<String> keywords) {

    public ModelPrediction {
        queueProbabilities = Map.copyOf(queueProbabilities);
        priorityProbabilities = Map.copyOf(priorityProbabilities);
        keywords = List.copyOf(keywords);
    }

    /** True when the model is less sure of the queue than its review threshold: a human should check it. */
    public boolean belowReviewThreshold() {
        return queueConfidence < queueReviewThreshold;
    }
}
