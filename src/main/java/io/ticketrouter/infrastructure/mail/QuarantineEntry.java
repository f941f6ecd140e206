package io.ticketrouter.infrastructure.mail;

import io.ticketrouter.application.MailQuarantine;
import io.ticketrouter.domain.model.ticket.InstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A mail moved to the quarantine folder, as admins see it listed. */
@Entity
@Table(name = "mail_quarantine")
public class QuarantineEntry {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Convert(converter = InstantConverter.class)
    @Column(name = "quarantined_at", nullable = false)
    private Instant at;

    @Column(name = "sender", length = 254)
    private String from;

    @Column(name = "subject", length = 300)
    private String subject;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "reason", length = 500, nullable = false)
    private String reason;

    @Column(name = "message_id", length = 500)
    private String messageId;

    protected QuarantineEntry() {
        // for JPA
    }

    QuarantineEntry(Instant at, String from, String subject, long size, String reason, String messageId) {
        this.id = UUID.randomUUID().toString();
        this.at = InstantConverter.stored(at);
        this.from = cut(from, 254);
        this.subject = cut(subject, 300);
        this.size = size;
        this.reason = cut(reason, 500);
        this.messageId = cut(messageId, 500);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** The entry as admins see it. */
    MailQuarantine.QuarantinedMail view() {
        return new MailQuarantine.QuarantinedMail(at, from, subject, size, reason, messageId);
    }
}
