package io.ticketrouter.classification;

/**
 * A loaded model bundle. Implementations are immutable and safe for concurrent use by many threads.
 */
public interface TicketClassifier {

    Prediction classify(TicketText ticket);

    /** Version, provenance, thresholds and evaluation summary of the bundle behind this classifier. */
    ModelInfo info();
}
