package io.ticketrouter.application;

import io.ticketrouter.classification.TicketClassifier;

/** Gives the application the currently loaded classifier, or says why there is none. */
public interface ClassifierRegistry {

    /**
     * The serving classifier. A caller keeps the instance it got for the whole request, so a request in flight
     * finishes on the model it started with even when a new one is swapped in meanwhile.
     *
     * @throws ModelUnavailableException with the reason (no bundle, corrupt bundle, wrong format version)
     */
    TicketClassifier current() throws ModelUnavailableException;

    ModelStatus status();

    /**
     * Loads the bundle from the model directory again and swaps it in atomically when it loads; fires
     * {@link ModelChanged}.
     *
     * @param trigger who asks ({@code "api"}, {@code "watcher"}), for the log and the event
     * @return the status after the reload
     * @throws ModelReloadException when the bundle is refused; the previous model (if any) keeps serving
     */
    ModelStatus reload(String trigger) throws ModelReloadException;
}
