package io.ticketrouter.application;

/**
 * A change of a ticket could not be applied because other changes of the same ticket kept winning the race; nothing
 * of it was stored. Carries the ticket as it is now, so the caller can decide what to send again.
 */
public class TicketConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient TicketView current;

    public TicketConflictException(TicketView current) {
        super(
                "ticket " + current.reference() + " was changed by other requests at the same moment and this change "
                        + "was not applied; it is now: status " + current.status() + ", queue " + current.finalQueue()
                        + ", priority " + current.finalPriority() + ", "
                        + (current.history() == null ? 0 : current.history().size()) + " history entries, last changed "
                        + current.updatedAt()
                        + " (the whole ticket is in \"current\"); send the change again if it still applies",
                null,
                false,
                false);
        this.current = current;
    }

    public TicketView current() {
        return current;
    }
}
