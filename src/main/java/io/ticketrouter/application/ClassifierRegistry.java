package io.ticketrouter.application;

import io.ticketrouter.classification.TicketClassifier;

/** Gives the application the currently loaded classifier, or says why there is none. */
public interface ClassifierRegistry {

    /** @throws ModelUnavailableException with the reason (no bundle, corrupt bundle, wrong format version) */
    TicketClassifier current() throws ModelUnavailableException;

    ModelStatus status();
}
