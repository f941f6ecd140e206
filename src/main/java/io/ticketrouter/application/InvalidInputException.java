package io.ticketrouter.application;

/**
 * A value given by a client is not acceptable. {@link #field()} names it; the message says what is allowed and what
 * was given, for example {@code "queue must be one of Billing, Returns, got \"Sales\""}.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
