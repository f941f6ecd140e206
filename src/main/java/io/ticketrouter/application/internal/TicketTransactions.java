package io.ticketrouter.application.internal;

import io.ticketrouter.application.TicketChanges;
import io.ticketrouter.application.TicketNotFoundException;
import io.ticketrouter.application.TicketView;
import io.ticketrouter.domain.model.ticket.Priority;
import io.ticketrouter.domain.model.ticket.Ticket;
import io.ticketrouter.domain.model.ticket.TicketQuery;
import io.ticketrouter.domain.model.ticket.TicketReference;
import io.ticketrouter.domain.model.ticket.TicketRepository;
import io.ticketrouter.domain.model.ticket.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The transaction boundaries of the ticket use cases. Each method commits before it returns, so the caller can
 * publish the change knowing it is durable. Read models are built inside the transaction (lazy history).
 */
@ApplicationScoped
@Transactional
public class TicketTransactions {

    /** Result of an update: the new state and whether anything changed. */
    public record Updated(TicketView ticket, boolean changed) {
    }

    @Inject
    TicketRepository tickets;

    public TicketView add(Ticket ticket) {
        tickets.add(ticket);
        return TicketViews.ticket(ticket);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TicketView find(TicketReference reference) {
        return TicketViews.ticket(load(reference));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TicketView> search(TicketQuery query, int limit) {
        List<Ticket> found = tickets.search(query, limit);
        List<TicketView> views = new ArrayList<>(found.size());
        found.forEach(t -> views.add(TicketViews.ticket(t)));
        return views;
    }

    /** Values in {@code changes} are already validated. */
    public Updated update(TicketReference reference, TicketChanges changes, String actor) {
        Ticket ticket = load(reference);
        Instant now = Instant.now();
        boolean changed = false;
        if (changes.queue() != null) {
            changed |= ticket.correctQueue(changes.queue(), actor, now);
        }
        if (changes.priority() != null) {
            changed |= ticket.correctPriority(Priority.fromWire(changes.priority()), actor, now);
        }
        if (changes.status() != null) {
            changed |= ticket.changeStatus(TicketStatus.fromWire(changes.status()), actor, now);
        }
        if (changes.note() != null) {
            ticket.addNote(changes.note(), actor, now);
            changed = true;
        }
        return new Updated(TicketViews.ticket(ticket), changed);
    }

    public TicketView delete(TicketReference reference) {
        Ticket ticket = load(reference);
        TicketView last = TicketViews.ticket(ticket);
        tickets.remove(ticket);
        return last;
    }

    private Ticket load(TicketReference reference) {
        return tickets.find(reference).orElseThrow(() -> new TicketNotFoundException(reference.value()));
    }
}
