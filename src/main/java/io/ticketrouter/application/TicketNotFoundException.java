package io.ticketrouter.application;

/** No ticket has the given reference (never existed or was deleted). */
public class TicketNotFoundException extends RuntimeException {

    private final String reference;

    public TicketNotFoundException(String reference) {
        super("no ticket with reference " + reference + " (it may have been deleted)");
        this.reference = reference;
    }

    public String reference() {
        return reference;
    }
}
