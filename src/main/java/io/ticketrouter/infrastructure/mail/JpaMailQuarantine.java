package io.ticketrouter.infrastructure.mail;

import io.ticketrouter.application.InvalidInputException;
import io.ticketrouter.application.MailQuarantine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** The quarantine's list in the database, written by the poller when it moves a mail there. */
@ApplicationScoped
public class JpaMailQuarantine implements MailQuarantine {

    @PersistenceContext(unitName = "tickets")
    EntityManager em;

    @Inject
    MailChannel channel;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<QuarantinedMail> list(int limit) {
        if (limit < 1 || limit > LIST_MAX) {
            throw new InvalidInputException("limit", "limit must be 1 to " + LIST_MAX + ", got " + limit);
        }
        return em
                .createQuery("SELECT q FROM QuarantineEntry q ORDER BY q.at DESC, q.id", QuarantineEntry.class)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(QuarantineEntry::view)
                .toList();
    }

    @Override
    public String folder() {
        return channel.receiving() ? channel.quarantineFolder() : null;
    }

    /** Records a mail moved to the quarantine. */
    @Transactional
    public void add(String from, String subject, long size, String reason, String messageId) {
        em.persist(new QuarantineEntry(Instant.now(), from, subject, size, reason, messageId));
    }
}
