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
import java.util.regex.Pattern;

/**
 * A helpdesk's ticket: read by its connector, classified and routed like a portal ticket (outside any transaction),
 * stored with the helpdesk's id and link, and written back to the helpdesk through the outbox (the delivery to
 * {@code connector:<name>} is part of the same transaction). Two calls for one helpdesk ticket, even at the same
 * moment on two members, make one ticket: the later finds the earlier's ({@link TicketTransactions#addFromHelpdesk});
 * the helpdesk's id is unique per connector in the database besides.
 */
@ApplicationScoped
public class DefaultHelpdeskService implements HelpdeskService {

    /** Longest subject kept; a longer title is cut (the helpdesk keeps the whole of it). */
    static final int SUBJECT_MAX = 300;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}");

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

    /**
     * The helpdesk's text within the portal's limits: what the helpdesk accepted is taken (cut where it is longer,
     * never refused), the title from the first line of the message when there is none.
     */
    static TicketContent content(HelpdeskConnectors.Inbound in) {
        String body = clean(in.body());
        if (body.isBlank()) {
            body = clean(in.subject());
        }
        if (body.isBlank()) {
            body = "(the helpdesk ticket has no text)";
        }
        if (body.length() > Ticket.BODY_MAX) {
            body = body.substring(0, Ticket.BODY_MAX - 1) + "\u2026";
        }
        String subject = clean(in.subject()).replaceAll("\\s+", " ").strip();
        if (subject.isEmpty()) {
            String first = body.strip().split("\\R", 2)[0];
            subject = first;
        }
        if (subject.length() > SUBJECT_MAX) {
            subject = subject.substring(0, SUBJECT_MAX - 1) + "\u2026";
        }
        String name =
                in.customerName() == null ? null : clean(in.customerName()).strip();
        if (name != null && (name.isEmpty() || name.length() > 200)) {
            name = null;
        }
        String email = in.customerEmail() == null ? null : in.customerEmail().strip();
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            email = null;
        }
        return new TicketContent(subject, body, name, email);
    }

    /** Without NUL and the other control characters but line breaks and tabs (PostgreSQL refuses NUL in text). */
    private static String clean(String s) {
        return s == null ? "" : s.replaceAll("[\\p{Cntrl}&&[^\\r\\n\\t]]", "");
    }
}
