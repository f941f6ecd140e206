package io.ticketrouter.domain.model.outbox;

import io.ticketrouter.domain.model.ticket.InstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The hand-over of one {@link OutboxEvent} to one receiver: pending until an attempt succeeds (delivered) or the
 * {@link RetrySchedule} gives up (failed; an admin may put it back to pending). A member that sends it holds a lease
 * on it ({@code lease_until}); when that member dies, the lease runs out and another member sends it again, so every
 * event arrives at least once.
 */
@Entity
@Table(name = "outbox_delivery")
public class Delivery {

    /** Longest error text kept of an attempt. */
    public static final int ERROR_MAX = 500;

    @Id
    @SequenceGenerator(name = "outbox_delivery_seq", sequenceName = "outbox_delivery_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_delivery_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "event", nullable = false, updatable = false)
    private OutboxEvent event;

    @Column(name = "receiver", length = 2000, nullable = false, updatable = false)
    private String receiver;

    @Column(name = "ticket_reference", length = 24, nullable = false, updatable = false)
    private String ticketReference;

    @Column(name = "ticket_version", nullable = false, updatable = false)
    private long ticketVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", length = 16, nullable = false)
    private DeliveryState state;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Convert(converter = InstantConverter.class)
    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "lease_owner", length = 64)
    private String leaseOwner;

    @Convert(converter = InstantConverter.class)
    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Convert(converter = InstantConverter.class)
    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "last_error", length = ERROR_MAX)
    private String lastError;

    @Convert(converter = InstantConverter.class)
    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected Delivery() {
        // for JPA
    }

    /** A first attempt due at once. */
    public Delivery(OutboxEvent event, String receiver) {
        this.event = Objects.requireNonNull(event, "event");
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        this.ticketReference = event.ticketReference();
        this.ticketVersion = event.ticketVersion();
        this.state = DeliveryState.PENDING;
        this.nextAttemptAt = event.occurredAt();
    }

    /**
     * A first attempt due at once that the member making the event sends itself, held by {@code owner} from the
     * start: no other member takes it before {@code until}, so the maker hands it to its sender in memory, with no
     * lease query and no lease update. When the maker dies first, the lease runs out and any member sends it.
     */
    public static Delivery leasedTo(OutboxEvent event, String receiver, String owner, Instant until) {
        Delivery d = new Delivery(event, receiver);
        d.leaseOwner = Objects.requireNonNull(owner, "owner");
        d.leaseUntil = InstantConverter.stored(until);
        return d;
    }

    /** The receiver took the event (it answered 2xx). */
    public void delivered(Instant now, int status) {
        attempted(now, status, null);
        state = DeliveryState.DELIVERED;
        deliveredAt = InstantConverter.stored(now);
    }

    /**
     * An attempt failed: tried again when the schedule says, or failed for good when it gives up.
     *
     * @param status the receiver's HTTP status, or null when there was no answer (refused, timed out)
     */
    public void attemptFailed(Instant now, Integer status, String error, RetrySchedule schedule) {
        attempted(now, status, error);
        Optional<Instant> next = schedule.next(attempts, now, event.occurredAt());
        if (next.isPresent()) {
            nextAttemptAt = InstantConverter.stored(next.get());
        } else {
            state = DeliveryState.FAILED;
        }
    }

    /** An admin sends a failed (or pending) delivery again now, with a fresh retry schedule from now on. */
    public boolean retry(Instant now) {
        if (state == DeliveryState.DELIVERED) {
            return false;
        }
        state = DeliveryState.PENDING;
        attempts = 0;
        nextAttemptAt = InstantConverter.stored(now);
        leaseOwner = null;
        leaseUntil = null;
        return true;
    }

    private void attempted(Instant now, Integer status, String error) {
        attempts++;
        lastAttemptAt = InstantConverter.stored(now);
        lastStatus = status;
        lastError = error == null ? null : error.length() <= ERROR_MAX ? error : error.substring(0, ERROR_MAX);
        leaseOwner = null;
        leaseUntil = null;
    }

    public Long id() {
        return id;
    }

    /** The event delivered. */
    public OutboxEvent event() {
        return event;
    }

    public String receiver() {
        return receiver;
    }

    public String ticketReference() {
        return ticketReference;
    }

    public DeliveryState state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String leaseOwner() {
        return leaseOwner;
    }

    public Instant leaseUntil() {
        return leaseUntil;
    }

    public Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    public Integer lastStatus() {
        return lastStatus;
    }

    public String lastError() {
        return lastError;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }
}
