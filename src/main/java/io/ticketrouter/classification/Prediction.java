package io.ticketrouter.classification;

import java.util.List;
import java.util.Map;

/**
 * What the models say about one ticket, before any routing rule is applied.
 *
 * @param language               ISO 639-1 code used for tokenization ("en", "de", "es", "fr", "pt"; other codes fall back)
 * @param queue                  the most probable department with its calibrated confidence
 * @param priority               the most probable priority ("high", "medium", "low") with its calibrated confidence
 * @param queueProbabilities     calibrated probability of every queue, summing to 1, in descending order
 * @param priorityProbabilities  calibrated probability of every priority, summing to 1, in descending order
 * @param keywords               words of this ticket that pushed the predicted queue up, strongest first
 * @param queueReviewThreshold   the bundle's confidence threshold for the predicted queue; below it a human should review
 * @param modelVersion           version of the bundle that produced this prediction
 */
public record Prediction(
        String language,
        Label queue,
        Label priority,
        Map<String, Double> queueProbabilities,
        Map<String, Double> priorityProbabilities,
        List<Keyword> keywords,
        double queueReviewThreshold,
        String modelVersion) {

    public record Label(String label, double confidence) {}

    public record Keyword(String term, double weight) {}

    /** True when the queue confidence is below the bundle's threshold for that queue. */
    public boolean belowReviewThreshold() {
        return queue.confidence() < queueReviewThreshold;
    }
}
