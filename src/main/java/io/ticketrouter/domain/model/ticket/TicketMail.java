package io.ticketrouter.domain.model.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A mail that belongs to a ticket, by its {@code Message-ID}: the customer's mail that made it, their replies, and the
 * mails Ticket Router sent about it. A customer's mail is taken once (the id is the key), and a reply finds its
 * ticket by the ids its {@code In-Reply-To} and {@code References} name.
 */
@Entity
@Table(name = "ticket_mail")
public class TicketMail {

    /** Longest {@code Message-ID} kept (RFC 5322 lines are at most 998 characters); longer ones are hashed. */
    public static final int MESSAGE_ID_MAX = 500;

    @Id
    @Column(name = "message_id", length = MESSAGE_ID_MAX)
    private String messageId;

    @Column(name = "ticket_id", nullable = false, updatable = false)
    private long ticketId;

    /** {@code in} for a customer's mail, {@code out} for one of ours. */
    @Column(name = "direction", length = 8, nullable = false, updatable = false)
    private String direction;

    @Convert(converter = InstantConverter.class)
    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected TicketMail() {
        // for JPA
    }

    private TicketMail(String messageId, Ticket ticket, String direction, Instant now) {
        this.messageId = Objects.requireNonNull(messageId, "messageId");
        if (messageId.isEmpty() || messageId.length() > MESSAGE_ID_MAX) {
            throw new IllegalArgumentException("a Message-ID has 1 to " + MESSAGE_ID_MAX + " characters");
        }
        if (ticket.id() == null) {
            throw new IllegalStateException("the ticket is not stored yet");
        }
        this.ticketId = ticket.id();
        this.direction = direction;
        this.recordedAt = InstantConverter.stored(now);
    }

    /** A customer's mail about the ticket (the one that made it, or a reply). */
    public static TicketMail received(String messageId, Ticket ticket, Instant now) {
        return new TicketMail(messageId, ticket, "in", now);
    }

    /** A mail Ticket Router sent about the ticket. */
    public static TicketMail sent(String messageId, Ticket ticket, Instant now) {
        return new TicketMail(messageId, ticket, "out", now);
    }

    public String messageId() {
        return messageId;
    }

    public long ticketId() {
        return ticketId;
    }

    public boolean incoming() {
        return "in".equals(direction);
    }
}
