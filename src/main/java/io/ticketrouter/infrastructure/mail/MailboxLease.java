package io.ticketrouter.infrastructure.mail;

import io.ticketrouter.domain.model.ticket.InstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Which member of a cluster polls the mailbox, until when (one row, made by the schema's migration). */
@Entity
@Table(name = "mail_poll_lease")
public class MailboxLease {

    @Id
    private int id;

    @Column(name = "lease_owner", length = 64)
    private String owner;

    @Convert(converter = InstantConverter.class)
    @Column(name = "lease_until")
    private Instant until;

    protected MailboxLease() {
        // for JPA
    }
}
