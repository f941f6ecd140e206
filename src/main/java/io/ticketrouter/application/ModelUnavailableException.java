package io.ticketrouter.application;

/** No model bundle is loaded, so nothing can be classified. The message says why and what to do. */
public class ModelUnavailableException extends RuntimeException {

    public ModelUnavailableException(String message) {
        super(message);
    }
}
