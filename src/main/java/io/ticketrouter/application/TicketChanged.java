package io.ticketrouter.application;

/**
 * CDI event fired (asynchronously, {@code Event.fireAsync}) by the application layer after a ticket change has been
 * committed. Push adapters (the dashboard WebSocket, a cluster bridge) observe it; the domain knows nothing of them.
 *
 * @param kind      what happened
 * @param reference the ticket's reference
 * @param ticket    the ticket after the change; for {@link Kind#DELETED} the last state before deletion
 */
public record TicketChanged(Kind kind, String reference, TicketView ticket) {

    public enum Kind {
        CREATED,
        UPDATED,
        /** An agent replied to the customer (the reply is in the history and goes out by mail). */
        REPLIED,
        DELETED;

        /** Lower-case name used on the wire ({@code "created"}, {@code "updated"}, {@code "replied"}, {@code "deleted"}). */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
