package io.ticketrouter.application;

/** Outgoing mail is not configured, so an agent's reply cannot be sent. */
public final class MailUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MailUnavailableException(String message) {
        super(message);
    }
}
