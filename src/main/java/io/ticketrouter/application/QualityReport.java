package io.ticketrouter.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How the models do in production, from the stored tickets: how many were routed without review, and how often the
 * agents left the prediction as it was (agreement = prediction equals the final label), overall, per predicted queue
 * and per model version; plus the classifier latency measured since the server started.
 *
 * @param computedAt when the figures were computed (they are cached for a few seconds)
 * @param serving    the model version serving now, null when none
 * @param overall    all tickets
 * @param byQueue    per queue the model predicted, by queue name
 * @param byModel    per model version that classified the tickets, oldest version first
 * @param latency    classifier latency since start: count, mean_ms, p50_ms, p95_ms, p99_ms, max_ms
 */
public record QualityReport(
        Instant computedAt,
        String serving,
        Group overall,
        List<Group> byQueue,
        List<Group> byModel,
        Map<String, Number> latency) {

    /**
     * Figures of one group of tickets. Ratios are null when the group is empty.
     *
     * @param key                the queue or model version ("all" for the overall group)
     * @param tickets            tickets classified
     * @param autoRouted         routed without review (confidence at or above the queue's threshold)
     * @param corrected          tickets an agent corrected (queue or priority)
     * @param queueAgreement     share whose final queue is the predicted one
     * @param priorityAgreement  share whose final priority is the predicted one
     * @param autoRoutedShare    autoRouted / tickets
     */
    public record Group(
            String key,
            long tickets,
            long autoRouted,
            long corrected,
            Double queueAgreement,
            Double priorityAgreement,
            Double autoRoutedShare) {}
}
