package io.ticketrouter.domain.model.outbox;

import io.ticketrouter.domain.model.ticket.InstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One ticket change as it leaves Ticket Router: its unique id (receivers deduplicate by it), its type
 * ({@code ticket.created}, ...), the ticket it is about, when it happened, and the exact body every receiver gets.
 * A ticket's events are ordered by {@link #ticketVersion()}: the ticket row's version after the change (0 for its
 * creation, one more than its last version for its deletion), which the database makes grow with every change,
 * whichever member made it.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    /** Longest event type name. */
    public static final int TYPE_MAX = 32;

    @Id
    @SequenceGenerator(name = "outbox_event_seq", sequenceName = "outbox_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_event_seq")
    private Long id;

    @Column(name = "event_id", length = 36, nullable = false, updatable = false)
    private String eventId;

    @Column(name = "event_type", length = TYPE_MAX, nullable = false, updatable = false)
    private String type;

    @Column(name = "ticket_reference", length = 24, nullable = false, updatable = false)
    private String ticketReference;

    @Column(name = "ticket_version", nullable = false, updatable = false)
    private long ticketVersion;

    @Convert(converter = InstantConverter.class)
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "body", length = 10_000_000, nullable = false, updatable = false)
    private String body;

    protected OutboxEvent() {
        // for JPA
    }

    public OutboxEvent(
            String eventId, String type, String ticketReference, long ticketVersion, Instant occurredAt, String body) {
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.type = Objects.requireNonNull(type, "type");
        this.ticketReference = Objects.requireNonNull(ticketReference, "ticketReference");
        this.ticketVersion = ticketVersion;
        this.occurredAt = InstantConverter.stored(Objects.requireNonNull(occurredAt, "occurredAt"));
        this.body = Objects.requireNonNull(body, "body");
    }

    /** The event's number, set when it is stored. */
    public Long sequence() {
        return id;
    }

    public String eventId() {
        return eventId;
    }

    public String type() {
        return type;
    }

    public String ticketReference() {
        return ticketReference;
    }

    /** The order of this event among its ticket's events. */
    public long ticketVersion() {
        return ticketVersion;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String body() {
        return body;
    }
}
