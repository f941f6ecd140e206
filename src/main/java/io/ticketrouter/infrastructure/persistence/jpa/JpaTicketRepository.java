package io.ticketrouter.infrastructure.persistence.jpa;

import io.ticketrouter.domain.model.ticket.Ticket;
import io.ticketrouter.domain.model.ticket.TicketMail;
import io.ticketrouter.domain.model.ticket.TicketQuery;
import io.ticketrouter.domain.model.ticket.TicketReference;
import io.ticketrouter.domain.model.ticket.TicketRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Tickets in the relational database. Runs in the caller's JTA transaction. */
@ApplicationScoped
public class JpaTicketRepository implements TicketRepository {

    @PersistenceContext(unitName = "tickets")
    private EntityManager em;

    @Override
    public void add(Ticket ticket) {
        em.persist(ticket);
        if (ticket.id() == null) {
            em.flush();
        }
        ticket.assignReference();
    }

    @Override
    public Optional<Ticket> find(TicketReference reference) {
        return Optional.ofNullable(em.find(Ticket.class, reference.number()));
    }

    @Override
    public Optional<Ticket> findExternal(String source, String externalId) {
        return em.createQuery("SELECT t FROM Ticket t WHERE t.source = :source AND t.externalId = :id", Ticket.class)
                .setParameter("source", source)
                .setParameter("id", externalId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public void lockHelpdeskIntake() {
        // the row V6__helpdesk_intake.sql made; SELECT ... FOR UPDATE is a row lock on PostgreSQL and H2 alike
        em.createNativeQuery("SELECT id FROM helpdesk_intake WHERE id = 1 FOR UPDATE")
                .getResultList();
    }

    @Override
    public void lockMailIntake() {
        // the row V7__mail_channel.sql made in the same table
        em.createNativeQuery("SELECT id FROM helpdesk_intake WHERE id = 2 FOR UPDATE")
                .getResultList();
    }

    @Override
    public boolean mailKnown(String messageId) {
        return em.find(TicketMail.class, messageId) != null;
    }

    @Override
    public Optional<Ticket> findByMail(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        List<TicketMail> known = em.createQuery(
                        "SELECT m FROM TicketMail m WHERE m.messageId IN :ids", TicketMail.class)
                .setParameter("ids", List.copyOf(messageIds))
                .getResultList();
        return known.stream()
                .map(m -> em.find(Ticket.class, m.ticketId()))
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    @Override
    public void addMail(TicketMail mail) {
        em.persist(mail);
    }

    @Override
    public List<TicketMail> mails(Ticket ticket) {
        return em.createQuery(
                        "SELECT m FROM TicketMail m WHERE m.ticketId = :id ORDER BY m.recordedAt, m.messageId",
                        TicketMail.class)
                .setParameter("id", ticket.id())
                .getResultList();
    }

    @Override
    public Optional<Ticket> findForUpdate(TicketReference reference) {
        // SELECT ... FOR UPDATE: a row lock on PostgreSQL and H2 alike
        return Optional.ofNullable(em.find(Ticket.class, reference.number(), LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<Ticket> findAll(Collection<TicketReference> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        List<Long> ids = references.stream().map(TicketReference::number).toList();
        return em.createQuery("SELECT t FROM Ticket t WHERE t.id IN :ids", Ticket.class)
                .setParameter("ids", ids)
                // EclipseLink: the histories asked for (last notes) in one extra query instead of one per ticket
                .setHint("eclipselink.batch", "t.history")
                .setHint("eclipselink.batch.type", "IN")
                .getResultList();
    }

    @Override
    public List<Ticket> search(TicketQuery q, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT t FROM Ticket t WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        equal(jpql, params, "finalQueue", q.queue());
        equal(jpql, params, "finalPriority", q.priority());
        equal(jpql, params, "status", q.status());
        equal(jpql, params, "language", q.language());
        equal(jpql, params, "needsReview", q.needsReview() == null ? null : q.needsReview() ? 1 : 0);
        if (TicketQuery.MADE_HERE.equals(q.source())) {
            jpql.append(" AND t.source IS NULL");
        } else {
            equal(jpql, params, "source", q.source());
        }
        equal(jpql, params, "channel", q.channel());
        if (q.text() != null && !q.text().isBlank()) {
            jpql.append(" AND (LOWER(t.subject) LIKE :text ESCAPE '!' OR LOWER(t.body) LIKE :text ESCAPE '!')");
            params.put("text", "%" + escapeLike(q.text().toLowerCase(Locale.ROOT)) + "%");
        }
        if (q.before() != null) {
            jpql.append(" AND t.id < :before");
            params.put("before", q.before().number());
        }
        boolean catchUp = q.after() != null;
        if (catchUp) {
            jpql.append(" AND t.id > :after ORDER BY t.id ASC");
            params.put("after", q.after().number());
        } else {
            jpql.append(" ORDER BY t.id DESC");
        }
        TypedQuery<Ticket> query = em.createQuery(jpql.toString(), Ticket.class);
        params.forEach(query::setParameter);
        query.setMaxResults(limit);
        // EclipseLink: load the histories of the whole page with one extra query instead of one per ticket.
        query.setHint("eclipselink.batch", "t.history");
        query.setHint("eclipselink.batch.type", "IN");
        List<Ticket> result = new ArrayList<>(query.getResultList());
        if (catchUp) {
            Collections.reverse(result);
        }
        return result;
    }

    @Override
    public void remove(Ticket ticket) {
        em.remove(em.contains(ticket) ? ticket : em.merge(ticket));
    }

    @Override
    public void flush() {
        em.flush();
    }

    /** Adds {@code AND t.<attribute> = :<attribute>} when a value is given. */
    private static void equal(StringBuilder jpql, Map<String, Object> params, String attribute, Object value) {
        if (value != null) {
            jpql.append(" AND t.").append(attribute).append(" = :").append(attribute);
            params.put(attribute, value);
        }
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
