package io.ticketrouter.domain.model.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * One change of a ticket: who, when, which field (or {@code note}, a {@code reply} to the customer, a customer's
 * {@code message}), from what to what.
 */
@Embeddable
public class HistoryEntry {

    @Convert(converter = InstantConverter.class)
    @Column(name = "changed_at", nullable = false)
    private Instant at;

    /** Longest actor kept: a user name, or a customer's address (cut). */
    public static final int ACTOR_MAX = 200;

    @Column(name = "actor", length = ACTOR_MAX, nullable = false)
    private String actor;

    @Column(name = "field", length = 32, nullable = false)
    private String field;

    @Column(name = "from_value", length = 200)
    private String from;

    @Column(name = "to_value", length = Ticket.BODY_MAX)
    private String to;

    protected HistoryEntry() {
        // for JPA
    }

    public HistoryEntry(Instant at, String actor, String field, String from, String to) {
        this.at = InstantConverter.stored(at);
        this.actor = actor;
        this.field = field;
        this.from = from;
        this.to = to;
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public String field() {
        return field;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }
}
