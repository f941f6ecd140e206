package io.ticketrouter.application.internal;

import io.ticketrouter.application.IncomingMail;
import io.ticketrouter.application.InvalidInputException;
import io.ticketrouter.application.OutgoingMail;
import io.ticketrouter.application.SimilarTickets;
import io.ticketrouter.application.TicketChanged;
import io.ticketrouter.application.TicketChanges;
import io.ticketrouter.application.TicketIndex;
import io.ticketrouter.application.TicketNotFoundException;
import io.ticketrouter.application.TicketStatusView;
import io.ticketrouter.application.TicketView;
import io.ticketrouter.domain.model.WireNames;
import io.ticketrouter.domain.model.ticket.Priority;
import io.ticketrouter.domain.model.ticket.Ticket;
import io.ticketrouter.domain.model.ticket.TicketMail;
import io.ticketrouter.domain.model.ticket.TicketQuery;
import io.ticketrouter.domain.model.ticket.TicketReference;
import io.ticketrouter.domain.model.ticket.TicketRepository;
import io.ticketrouter.domain.model.ticket.TicketStatus;
import io.ticketrouter.security.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The transaction boundaries of the ticket use cases. Each method commits before it returns, so the caller can
 * publish the change knowing it is durable. Read models are built inside the transaction (lazy history). A change's
 * webhook event is written to the outbox in the same transaction ({@link WebhookOutbox#record}).
 */
@ApplicationScoped
@Transactional
public class TicketTransactions {

    /** Result of an update: the new state and whether anything changed. */
    public record Updated(TicketView ticket, boolean changed) {}

    /** Compared against when the reference is unknown, to spend the same work as for a known one. */
    private static final String NO_TICKET_DIGEST = Tokens.digest("no such ticket");

    @Inject
    TicketRepository tickets;

    @Inject
    WebhookOutbox outbox;

    public TicketView add(Ticket ticket) {
        tickets.add(ticket);
        TicketView view = TicketViews.ticket(ticket);
        outbox.record(TicketChanged.Kind.CREATED, view, 0); // a ticket's first event
        return view;
    }

    /** A helpdesk's ticket as stored: the one given ({@code created}), or the one a call before stored. */
    public record Intake(TicketView ticket, boolean created) {}

    /**
     * Stores a ticket a helpdesk sent, unless a call before, on any member, stored the same helpdesk ticket: concurrent
     * calls for it wait for each other here, so the unique index on the helpdesk's id never has to refuse one.
     */
    public Intake addFromHelpdesk(Ticket ticket) {
        tickets.lockHelpdeskIntake();
        Optional<Ticket> earlier = tickets.findExternal(ticket.source(), ticket.externalId());
        if (earlier.isPresent()) {
            return new Intake(TicketViews.ticket(earlier.get()), false);
        }
        return new Intake(add(ticket), true);
    }

    /**
     * Stores a ticket a customer's mail made, with the mail's {@code Message-ID}, and the acknowledgement {@code ack}
     * composes for it (none when it gives null), unless a poll before, on any member, took the same mail: then the
     * ticket it made, not {@code created}.
     */
    public Intake addFromMail(Ticket ticket, String messageId, Function<TicketView, OutgoingMail> ack) {
        tickets.lockMailIntake();
        if (tickets.mailKnown(messageId)) {
            return new Intake(
                    TicketViews.ticket(tickets.findByMail(List.of(messageId)).orElseThrow()), false);
        }
        TicketView view = add(ticket);
        Instant now = Instant.now();
        tickets.addMail(TicketMail.received(messageId, ticket, now));
        OutgoingMail mail = ack.apply(view);
        if (mail != null) {
            tickets.addMail(TicketMail.sent(mail.messageId(), ticket, now));
            outbox.recordMail(mail, view.reference(), 0);
        }
        return new Intake(view, true);
    }

    /**
     * Adds a customer's mail to the history of the ticket it answers (a resolved ticket opens again), unless a poll
     * before took it; null then.
     */
    public Updated addCustomerMessage(TicketReference reference, IncomingMail mail, String text) {
        tickets.lockMailIntake();
        if (tickets.mailKnown(mail.messageId())) {
            return null;
        }
        Ticket ticket = lock(reference);
        Instant now = Instant.now();
        ticket.addCustomerMessage(text, mail.fromAddress(), now);
        tickets.flush();
        tickets.addMail(TicketMail.received(mail.messageId(), ticket, now));
        TicketView view = TicketViews.ticket(ticket);
        outbox.record(TicketChanged.Kind.UPDATED, view, ticket.version());
        return new Updated(view, true);
    }

    /**
     * The ticket a customer's mail answers: the one a {@code Message-ID} it names belongs to, else the one its subject
     * names when the mail comes from that ticket's customer.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TicketReference> thread(List<String> messageIds, TicketReference named, String from) {
        Optional<Ticket> found = tickets.findByMail(messageIds);
        if (found.isEmpty() && named != null) {
            found = tickets.find(named)
                    .filter(t -> t.customerEmail() != null && t.customerEmail().equalsIgnoreCase(from));
        }
        return found.map(Ticket::reference);
    }

    /** Whether a mail with this {@code Message-ID} was taken already. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean mailTaken(String messageId) {
        return tickets.mailKnown(messageId);
    }

    /**
     * An agent's reply: kept in the history, and the mail {@code compose} makes of it (given the ticket and its
     * thread, oldest first) recorded for sending, with the {@code ticket.replied} event.
     */
    public TicketView reply(
            TicketReference reference,
            String text,
            String actor,
            BiFunction<TicketView, List<TicketMail>, OutgoingMail> compose) {
        Ticket ticket = lock(reference);
        if (ticket.customerEmail() == null) {
            throw new InvalidInputException(
                    null, "ticket " + reference.value() + " has no customer e-mail address to send a reply to");
        }
        ticket.addReply(text, actor, Instant.now());
        tickets.flush();
        TicketView view = TicketViews.ticket(ticket);
        OutgoingMail mail = compose.apply(view, tickets.mails(ticket));
        tickets.addMail(TicketMail.sent(mail.messageId(), ticket, Instant.now()));
        outbox.recordMail(mail, view.reference(), ticket.version());
        outbox.record(TicketChanged.Kind.REPLIED, view, ticket.version());
        return view;
    }

    /** The ticket a helpdesk sent through this connector with this id, if there is one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TicketView> findExternal(String connector, String externalId) {
        return tickets.findExternal(connector, externalId).map(TicketViews::ticket);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TicketView find(TicketReference reference) {
        return TicketViews.ticket(load(reference));
    }

    /**
     * The customer's view of the ticket when the token matches. A missing ticket still costs a digest comparison, so
     * the answer time does not tell whether the reference exists.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TicketStatusView status(TicketReference reference, String statusToken) {
        Optional<Ticket> found = tickets.find(reference);
        if (found.isEmpty()) {
            Tokens.sameDigest(NO_TICKET_DIGEST, Tokens.digest(statusToken == null ? "" : statusToken));
            throw new TicketNotFoundException(reference.value());
        }
        Ticket t = found.get();
        if (!t.statusTokenDigestMatches(Tokens.digest(statusToken == null ? "" : statusToken))) {
            throw new TicketNotFoundException(reference.value());
        }
        return new TicketStatusView(
                t.reference().value(),
                t.subject(),
                t.status().wireName(),
                t.finalQueue(),
                t.createdAt(),
                t.updatedAt());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TicketView> search(TicketQuery query, int limit) {
        List<Ticket> found = tickets.search(query, limit);
        List<TicketView> views = new ArrayList<>(found.size());
        found.forEach(t -> views.add(TicketViews.ticket(t)));
        return views;
    }

    /**
     * The matches that still exist in the database, in the order given, as agents see them; the references that no
     * longer exist are left out and returned in {@code gone}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SimilarFound similar(List<TicketIndex.Match> matches, int limit) {
        List<TicketReference> refs = new ArrayList<>(matches.size());
        matches.forEach(m -> refs.add(TicketReference.parse(m.reference())));
        Map<String, Ticket> stored = new HashMap<>();
        tickets.findAll(refs).forEach(t -> stored.put(t.reference().value(), t));
        List<SimilarTickets.Similar> found = new ArrayList<>(limit);
        Map<String, String> answers = new HashMap<>();
        List<String> gone = new ArrayList<>();
        for (TicketIndex.Match m : matches) {
            Ticket t = stored.get(m.reference());
            if (t == null) {
                gone.add(m.reference());
                continue;
            }
            if (found.size() == limit) {
                continue;
            }
            String lastReply = t.answer() != null ? t.answer() : t.lastReply() != null ? t.lastReply() : t.lastNote();
            if (t.answer() != null) {
                answers.put(m.reference(), t.answer());
            }
            found.add(new SimilarTickets.Similar(
                    m.reference(),
                    t.subject(),
                    TicketViews.excerpt(t.body(), SimilarTickets.EXCERPT_CHARS),
                    t.finalQueue(),
                    t.finalPriority(),
                    t.status().wireName(),
                    t.createdAt(),
                    m.similarity(),
                    lastReply));
        }
        return new SimilarFound(List.copyOf(found), Map.copyOf(answers), List.copyOf(gone));
    }

    /** What {@link #similar} found: the tickets, the answers among them by reference, and what is gone. */
    public record SimilarFound(List<SimilarTickets.Similar> tickets, Map<String, String> answers, List<String> gone) {}

    /**
     * Applies the changes to the ticket as it is now. Values in {@code changes} are already validated. The ticket is
     * read with a row lock, so concurrent changes of it are applied one after the other, each on the state the one
     * before committed. Should a change still meet a newer version (the entity's {@code @Version}) or time out
     * waiting for the lock, it rolls back and {@link TicketConflicts} tells the caller to try again.
     */
    public Updated update(TicketReference reference, TicketChanges changes, String actor) {
        Ticket ticket = lock(reference);
        Instant now = Instant.now();
        boolean changed = false;
        if (changes.queue() != null) {
            changed |= ticket.correctQueue(changes.queue(), actor, now);
        }
        if (changes.priority() != null) {
            changed |=
                    ticket.correctPriority(WireNames.parse(Priority.class, "priority", changes.priority()), actor, now);
        }
        if (changes.status() != null) {
            changed |= ticket.changeStatus(WireNames.parse(TicketStatus.class, "status", changes.status()), actor, now);
        }
        if (changes.note() != null) {
            ticket.addNote(changes.note(), actor, now);
            changed = true;
        }
        tickets.flush(); // a concurrent change or delete fails here, inside the method (see TicketConflicts)
        TicketView view = TicketViews.ticket(ticket);
        if (changed) {
            outbox.record(TicketChanged.Kind.UPDATED, view, ticket.version()); // after the flush: this change's
        }
        return new Updated(view, changed);
    }

    public TicketView delete(TicketReference reference) {
        Ticket ticket = lock(reference);
        TicketView last = TicketViews.ticket(ticket);
        long version = ticket.version();
        tickets.remove(ticket);
        tickets.flush();
        outbox.record(TicketChanged.Kind.DELETED, last, version + 1); // after every change of the ticket
        return last;
    }

    /** The ticket locked until the commit (changes of one ticket wait for each other), or not found. */
    private Ticket lock(TicketReference reference) {
        return tickets.findForUpdate(reference).orElseThrow(() -> new TicketNotFoundException(reference.value()));
    }

    private Ticket load(TicketReference reference) {
        return tickets.find(reference).orElseThrow(() -> new TicketNotFoundException(reference.value()));
    }
}
