package io.ticketrouter.infrastructure.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The mailbox's lease: a member polls only while it holds it, so in a cluster one member reads the mailbox at a time
 * (another takes over once the lease of one that died has run out). Each poll renews it.
 */
@ApplicationScoped
public class MailboxLeases {

    @PersistenceContext(unitName = "tickets")
    EntityManager em;

    /** Takes or renews the lease for {@code owner}; false while another member holds it. */
    @Transactional
    public boolean take(String owner, Duration lease) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int updated = em.createQuery("UPDATE MailboxLease l SET l.owner = :owner, l.until = :until WHERE l.id = 1"
                        + " AND (l.owner IS NULL OR l.owner = :owner OR l.until IS NULL OR l.until < :now)")
                .setParameter("owner", owner)
                .setParameter("until", now.plus(lease))
                .setParameter("now", now)
                .executeUpdate();
        return updated == 1;
    }

    /** Gives the lease up (the application stops), so another member takes over at once. */
    @Transactional
    public void release(String owner) {
        em.createQuery("UPDATE MailboxLease l SET l.owner = NULL, l.until = NULL WHERE l.id = 1 AND l.owner = :owner")
                .setParameter("owner", owner)
                .executeUpdate();
    }
}
