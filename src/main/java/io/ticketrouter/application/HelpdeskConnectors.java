package io.ticketrouter.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The helpdesk connectors among the plugins ({@code plugins/README.md}), as the application uses them: read a
 * helpdesk's call into a ticket, and say which calls write a ticket's routing back. Implemented by the plugin
 * routing engine; the connectors run on plugin threads, within a time limit.
 */
public interface HelpdeskConnectors {

    /** The names of the active connectors. */
    List<String> names();

    /**
     * Checks and reads a call of the helpdesk.
     *
     * @return empty when no active connector has this name
     * @throws ConnectorFailureException when the connector threw or did not answer in time
     */
    Optional<Inbound> receive(String connector, Map<String, List<String>> headers, byte[] body);

    /**
     * The calls that write the routing of a ticket from this connector back to its helpdesk, in order.
     *
     * @throws ConnectorFailureException when the connector is not active, threw or did not answer in time
     */
    List<Call> writeBack(String connector, Routed ticket);

    /** What a connector is told of a ticket it brought: where Ticket Router routed it, and why. */
    record Routed(
            String event,
            String reference,
            String externalId,
            String queue,
            double queueConfidence,
            String priority,
            double priorityConfidence,
            boolean needsReview,
            boolean urgent,
            boolean corrected,
            List<String> keywords,
            List<String> rules,
            String recommendation) {

        /** @param event {@code ticket.created} or {@code ticket.updated} */
        public static Routed of(String event, TicketView t) {
            return new Routed(
                    event,
                    t.reference(),
                    t.externalId(),
                    t.finalQueue(),
                    t.queue().confidence(),
                    t.finalPriority(),
                    t.priority().confidence(),
                    t.needsReview(),
                    t.urgent(),
                    t.correctedQueue() != null || t.correctedPriority() != null,
                    t.keywords().stream().map(k -> k.term()).toList(),
                    t.routing().stream()
                            .map(d ->
                                    d.rule() + ": " + d.change() + (d.reason() == null ? "" : " (" + d.reason() + ")"))
                            .toList(),
                    t.recommendation());
        }
    }

    /** What a call of the helpdesk carried. */
    record Inbound(
            Outcome outcome,
            String reason,
            String externalId,
            String externalUrl,
            String subject,
            String body,
            String customerName,
            String customerEmail) {

        public enum Outcome {
            TICKET,
            IGNORED,
            REFUSED
        }
    }

    /** One HTTP call into the helpdesk. */
    record Call(String method, String url, Map<String, String> headers, String body) {}

    /** A connector could not do what was asked; the message says why in one line. */
    final class ConnectorFailureException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ConnectorFailureException(String message) {
            super(message);
        }
    }
}
