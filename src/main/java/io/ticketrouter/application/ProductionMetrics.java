package io.ticketrouter.application;

/**
 * Where the application reports what happens in production (classifications, their latency, routing outcome).
 * Implemented with MicroProfile Metrics in the infrastructure layer; the application knows no metrics library.
 */
public interface ProductionMetrics {

    /** One call of the classifier (prediction or new ticket), in nanoseconds. */
    void classification(long nanos);

    /** A new ticket was classified and stored: its queue and priority as routed, and whether it needs review. */
    void ticketClassified(String queue, String priority, boolean needsReview);
}
