package io.ticketrouter.application.internal;

import io.ticketrouter.application.InvalidInputException;
import io.ticketrouter.application.OutboxQueue;
import io.ticketrouter.application.OutgoingMail;
import io.ticketrouter.application.TicketChanged;
import io.ticketrouter.application.TicketEvent;
import io.ticketrouter.application.TicketEventJson;
import io.ticketrouter.application.TicketView;
import io.ticketrouter.application.WebhookDeliveries;
import io.ticketrouter.application.WebhookSettings;
import io.ticketrouter.domain.model.WireNames;
import io.ticketrouter.domain.model.outbox.Delivery;
import io.ticketrouter.domain.model.outbox.DeliveryState;
import io.ticketrouter.domain.model.outbox.OutboxEvent;
import io.ticketrouter.domain.model.outbox.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outbox: {@link #record} writes a ticket change's event and its deliveries (one per webhook receiver, and one
 * to the helpdesk connector a ticket came from) in the transaction of the change (so an event exists exactly when its change was committed, and a crash loses neither), the sender leases and
 * reports through {@link OutboxQueue}, admins list and retry through {@link WebhookDeliveries}.
 */
@ApplicationScoped
public class WebhookOutbox implements OutboxQueue, WebhookDeliveries {

    /** The receiver name of a helpdesk connector's write-backs: {@code connector:<plugin name>}. */
    public static final String CONNECTOR = OutboxQueue.CONNECTOR;

    @Inject
    OutboxRepository outbox;

    @Inject
    WebhookSettings settings;

    @Inject
    TicketEventJson json;

    @Inject
    Event<Handover> handover;

    /** The receivers this member's senders listen for, by receiver name. */
    private final Map<String, Listener> listeners = new ConcurrentHashMap<>();

    /** Deliveries handed over and not yet taken, at most, per receiver. */
    static final int FRESH_MAX = 4_096;

    /** A sender of this member: its lease owner name and the deliveries handed to it. */
    private static final class Listener {
        final String owner;
        final BlockingQueue<Handed> fresh = new ArrayBlockingQueue<>(FRESH_MAX);

        Listener(String owner) {
            this.owner = owner;
        }
    }

    /** A delivery made leased to this member, for its sender once the transaction committed. */
    record Handed(String receiver, Due due, Instant leaseUntil) {}

    /** The deliveries of one transaction to hand over after its commit. */
    record Handover(List<Handed> items) {}

    /**
     * Writes the event of a change in the caller's transaction, one delivery per configured receiver; nothing when no
     * receiver is configured. A new ticket's deliveries to the receivers this member sends (see {@link #listen}) are
     * made leased to it and handed to its sender after the commit.
     *
     * @param ticketVersion the ticket's version after the change: the order of its events (0 for the creation)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(TicketChanged.Kind kind, TicketView ticket, long ticketVersion) {
        List<String> receivers = new ArrayList<>(settings.receivers());
        if (ticket.source() != null && kind != TicketChanged.Kind.DELETED && kind != TicketChanged.Kind.REPLIED) {
            receivers.add(CONNECTOR + ticket.source()); // written back to the helpdesk it came from
        }
        if (receivers.isEmpty()) {
            return;
        }
        TicketEvent event =
                new TicketEvent(UUID.randomUUID().toString(), TicketEvent.type(kind), Instant.now(), ticket);
        OutboxEvent stored = new OutboxEvent(
                event.id(), event.type(), ticket.reference(), ticketVersion, event.occurredAt(), json.json(event));
        List<Delivery> deliveries = new ArrayList<>(receivers.size());
        List<Delivery> handed = new ArrayList<>(receivers.size());
        Instant until = event.occurredAt().plus(settings.lease());
        for (String receiver : receivers) {
            Listener listener = kind == TicketChanged.Kind.CREATED ? listeners.get(receiver) : null;
            Delivery d = listener == null
                    ? new Delivery(stored, receiver)
                    : Delivery.leasedTo(stored, receiver, listener.owner, until);
            deliveries.add(d);
            if (listener != null) {
                handed.add(d);
            }
        }
        outbox.add(stored, deliveries);
        if (!handed.isEmpty()) {
            List<Handed> items = new ArrayList<>(handed.size());
            for (Delivery d : handed) {
                items.add(new Handed(
                        d.receiver(),
                        new Due(d.id(), stored.eventId(), stored.type(), stored.ticketReference(), stored.body()),
                        until));
            }
            handover.fire(new Handover(items));
        }
    }

    /**
     * Writes a mail to a customer in the caller's transaction, to be sent by SMTP in the ticket's order of events.
     *
     * @param ticketVersion the ticket's version the mail belongs to (0 for the acknowledgement of a new ticket)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordMail(OutgoingMail mail, String ticketReference, long ticketVersion) {
        OutboxEvent stored = new OutboxEvent(
                UUID.randomUUID().toString(),
                MAIL_EVENT,
                ticketReference,
                ticketVersion,
                Instant.now(),
                json.json(mail));
        outbox.add(stored, List.of(new Delivery(stored, MAIL)));
    }

    /** The event type of a mail to a customer. */
    public static final String MAIL_EVENT = "mail.customer";

    /** Hands a committed transaction's deliveries to their senders (a rolled-back one's never existed). */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Handover committed) {
        for (Handed h : committed.items()) {
            Listener listener = listeners.get(h.receiver());
            if (listener != null) {
                listener.fresh.offer(h); // when full, the delivery is leased once its lease has run out
            }
        }
    }

    @Override
    public void listen(String receiver, String owner) {
        listeners.putIfAbsent(receiver, new Listener(owner));
    }

    @Override
    public List<Due> fresh(String receiver, int limit, Duration margin) {
        Listener listener = listeners.get(receiver);
        if (listener == null) {
            return List.of();
        }
        Instant latest = Instant.now().plus(margin);
        List<Due> due = new ArrayList<>(Math.min(limit, listener.fresh.size()));
        Handed h;
        while (due.size() < limit && (h = listener.fresh.poll()) != null) {
            if (h.leaseUntil().isAfter(latest)) {
                due.add(h.due());
            }
        }
        return due;
    }

    @Override
    @Transactional
    public List<Due> lease(String receiver, String owner, Duration lease, int limit) {
        // at the database's precision: the lease taken is found again by its exact end
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        List<Delivery> leased = outbox.lease(receiver, owner, now, now.plus(lease), limit);
        if (leased.isEmpty()) {
            return List.of();
        }
        List<Due> due = new ArrayList<>(leased.size());
        for (Delivery d : leased) {
            OutboxEvent e = d.event();
            due.add(new Due(d.id(), e.eventId(), e.type(), e.ticketReference(), e.body()));
        }
        return due;
    }

    @Override
    @Transactional
    public void report(List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        // the usual case, every attempt taken with the same status, in one statement
        Map<Integer, List<Long>> delivered = new java.util.HashMap<>();
        List<Attempt> failed = new ArrayList<>();
        for (Attempt a : attempts) {
            if (a.delivered()) {
                delivered.computeIfAbsent(a.status(), k -> new ArrayList<>()).add(a.delivery());
            } else {
                failed.add(a);
            }
        }
        delivered.forEach((status, ids) -> outbox.delivered(ids, now, status));
        if (failed.isEmpty()) {
            return;
        }
        Map<Long, Delivery> deliveries =
                outbox.deliveries(failed.stream().map(Attempt::delivery).toList());
        for (Attempt a : failed) {
            Delivery d = deliveries.get(a.delivery());
            if (d != null) { // null: removed meanwhile
                d.attemptFailed(now, a.status(), a.error(), settings.retry());
            }
        }
    }

    @Override
    @Transactional
    public int purge() {
        return outbox.purgeDelivered(Instant.now().minus(settings.keepDelivered()));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page list(String state, String before, int limit) {
        if (limit < 1 || limit > PAGE_MAX) {
            throw new InvalidInputException("limit", "limit must be 1 to " + PAGE_MAX + ", got " + limit);
        }
        DeliveryState wanted = null;
        if (state != null && !state.isBlank()) {
            try {
                wanted = WireNames.parse(DeliveryState.class, "state", state.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(
                        "state",
                        "state must be one of " + WireNames.allowed(DeliveryState.class) + ", got \""
                                + DefaultTicketService.abbreviate(state) + "\"");
            }
        }
        Long cursor = before == null || before.isBlank() ? null : id("before", before);
        List<Delivery> found = outbox.list(wanted, cursor, limit + 1);
        boolean more = found.size() > limit;
        List<Delivery> page = more ? found.subList(0, limit) : found;
        List<DeliveryView> items = new ArrayList<>(page.size());
        page.forEach(d -> items.add(view(d)));
        Map<String, Long> counts = new LinkedHashMap<>();
        outbox.count().forEach((s, n) -> counts.put(s.wireName(), n));
        return new Page(
                List.copyOf(items),
                more ? String.valueOf(page.get(page.size() - 1).id()) : null,
                counts,
                settings.receivers().stream().map(WebhookSettings::shown).toList(),
                settings.problems());
    }

    @Override
    @Transactional
    public DeliveryView retry(String id) {
        long number = id("id", id);
        Delivery d = outbox.find(number).orElseThrow(() -> new DeliveryNotFoundException(id));
        if (!d.retry(Instant.now())) {
            throw new InvalidInputException("id", "delivery " + id + " was delivered already; nothing to send again");
        }
        return view(d);
    }

    @Override
    @Transactional
    public int retryFailed() {
        int retried = 0;
        Instant now = Instant.now();
        Long before = null;
        while (true) {
            List<Delivery> failed = outbox.list(DeliveryState.FAILED, before, PAGE_MAX);
            if (failed.isEmpty()) {
                return retried;
            }
            for (Delivery d : failed) {
                d.retry(now);
                retried++;
            }
            before = failed.get(failed.size() - 1).id();
        }
    }

    private static long id(String field, String value) {
        try {
            long n = Long.parseLong(value.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new InvalidInputException(
                field,
                field + " must be a delivery id (a positive number), got \"" + DefaultTicketService.abbreviate(value)
                        + "\"");
    }

    private static DeliveryView view(Delivery d) {
        OutboxEvent e = d.event();
        return new DeliveryView(
                String.valueOf(d.id()),
                e.eventId(),
                e.type(),
                d.ticketReference(),
                WebhookSettings.shown(d.receiver()),
                d.state().wireName(),
                d.attempts(),
                e.occurredAt(),
                d.lastAttemptAt(),
                d.lastStatus(),
                d.lastError(),
                d.state() == DeliveryState.PENDING ? d.nextAttemptAt() : null,
                d.deliveredAt());
    }
}
