package io.ticketrouter.application.internal;

import io.ticketrouter.application.HelpdeskConnectors;
import io.ticketrouter.application.HelpdeskService;
import io.ticketrouter.application.ProductionMetrics;
import io.ticketrouter.application.TicketChanged;
import io.ticketrouter.application.TicketView;
import io.ticketrouter.domain.model.ticket.Ticket;
import io.ticketrouter.domain.model.ticket.TicketContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A helpdesk's ticket: read by its connector, classified and routed like a portal ticket (outside any transaction),
 * stored with the helpdesk's id and link, and written back to the helpdesk through the outbox (the delivery to
 * {@code connector:<name>} is part of the same transaction). Two calls for one helpdesk ticket, even at the same
 * moment on two members, make one ticket: the later finds the earlier's ({@link TicketTransactions#addFromHelpdesk});
 * the helpdesk's id is unique per connector in the database besides.
 */
@ApplicationScoped
public class DefaultHelpdeskService implements HelpdeskService {

    @Inject
    HelpdeskConnectors connectors;

    @Inject
    DefaultTicketService tickets;

    @Inject
    TicketTransactions transactions;

    @Inject
    ProductionMetrics metrics;

    @Override
    public Receipt receive(String connector, Map<String, List<String>> headers, byte[] body) {
        HelpdeskConnectors.Inbound in =
                connectors.receive(connector, headers, body).orElseThrow(() -> unknown(connector, connectors.names()));
        switch (in.outcome()) {
            case REFUSED -> throw new RefusedException(in.reason());
            case IGNORED -> {
                return new Receipt(Receipt.Result.IGNORED, null, in.reason());
            }
            default -> {
                // a ticket: below
            }
        }
        Optional<TicketView> earlier = transactions.findExternal(connector, in.externalId());
        if (earlier.isPresent()) {
            return new Receipt(Receipt.Result.EXISTING, earlier.get(), "this helpdesk ticket was received before");
        }
        Ticket ticket = tickets.classifyAndRoute(content(in));
        ticket.cameFrom(connector, in.externalId(), in.externalUrl());
        TicketTransactions.Intake intake = transactions.addFromHelpdesk(ticket);
        if (!intake.created()) { // a concurrent call for the same helpdesk ticket stored it first
            return new Receipt(Receipt.Result.EXISTING, intake.ticket(), "this helpdesk ticket was received before");
        }
        TicketView view = intake.ticket();
        metrics.ticketClassified(view.finalQueue(), view.finalPriority(), view.needsReview());
        tickets.publish(TicketChanged.Kind.CREATED, view);
        return new Receipt(Receipt.Result.CREATED, view, null);
    }

    private static UnknownConnectorException unknown(String name, List<String> active) {
        return new UnknownConnectorException("no helpdesk connector named \"" + DefaultTicketService.abbreviate(name)
                + "\"" + (active.isEmpty() ? "; none is installed (plugins/README.md)" : "; installed: " + active));
    }

    /** The helpdesk's text within the portal's limits ({@link ReceivedContent}). */
    static TicketContent content(HelpdeskConnectors.Inbound in) {
        return ReceivedContent.of(
                in.subject(), in.body(), in.customerName(), in.customerEmail(), "(the helpdesk ticket has no text)");
    }
}
