package io.ticketrouter.application;

/** A new model bundle was refused (missing, partial, corrupt, wrong format); the previous model keeps serving. */
public class ModelReloadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelReloadException(String message) {
        super(message);
    }
}
