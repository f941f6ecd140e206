package io.ticketrouter.application;

import java.util.List;

/** Counts over the stored tickets, grouped by model version and predicted queue (a port the database answers). */
public interface QualityStatistics {

    /**
     * One row per (model version, predicted queue).
     *
     * @param tickets         tickets in the group
     * @param needsReview     of them, flagged for review
     * @param queueAgreed     final queue equals the predicted queue
     * @param priorityAgreed  final priority equals the predicted priority
     * @param corrected       an agent corrected queue or priority
     */
    record Row(
            String modelVersion,
            String predictedQueue,
            long tickets,
            long needsReview,
            long queueAgreed,
            long priorityAgreed,
            long corrected) {}

    List<Row> rows();
}
