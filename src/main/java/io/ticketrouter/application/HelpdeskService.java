package io.ticketrouter.application;

import java.util.List;
import java.util.Map;

/**
 * Tickets a helpdesk sends ({@code POST /api/connectors/{name}/webhook}): the connector checks the call's signature
 * and reads the ticket, Ticket Router classifies, routes and stores it like any other and writes the routing back
 * to the helpdesk through the outbox. One helpdesk ticket makes one ticket, however often it is sent.
 */
public interface HelpdeskService {

    /**
     * @throws UnknownConnectorException when no active connector has this name
     * @throws RefusedException          when the connector refused the call (a missing or wrong signature): nothing is
     *                                   stored
     * @throws HelpdeskConnectors.ConnectorFailureException when the connector failed
     */
    Receipt receive(String connector, Map<String, List<String>> headers, byte[] body);

    /** What became of a call. */
    record Receipt(Result result, TicketView ticket, String reason) {

        public enum Result {
            /** A new ticket, classified, routed and stored. */
            CREATED,
            /** The helpdesk sent this ticket before: the ticket it made then, unchanged. */
            EXISTING,
            /** A genuine call without a new ticket; nothing stored. */
            IGNORED
        }
    }

    /** No active connector has this name. */
    final class UnknownConnectorException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UnknownConnectorException(String message) {
            super(message);
        }
    }

    /** The connector refused the call; nothing was stored. */
    final class RefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public RefusedException(String reason) {
            super(reason);
        }
    }
}
