package io.ticketrouter.infrastructure.persistence.jpa;

import io.ticketrouter.domain.model.outbox.Delivery;
import io.ticketrouter.domain.model.outbox.DeliveryState;
import io.ticketrouter.domain.model.outbox.OutboxEvent;
import io.ticketrouter.domain.model.outbox.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox in the relational database. Runs in the caller's JTA transaction. A lease is taken by a conditional
 * update of each candidate row, so two members that pick the same candidates at once never both send one: the
 * database lets exactly one of the updates match.
 */
@ApplicationScoped
public class JpaOutboxRepository implements OutboxRepository {

    @PersistenceContext(unitName = "tickets")
    private EntityManager em;

    @Override
    public void add(OutboxEvent event, Collection<Delivery> deliveries) {
        em.persist(event); // numbered now, from the block of numbers this member holds; inserted at the commit
        for (Delivery d : deliveries) {
            if (d.event() != event) {
                throw new IllegalArgumentException("a delivery of another event");
            }
            em.persist(d);
        }
    }

    @Override
    public List<Delivery> lease(String receiver, String owner, Instant now, Instant until, int limit) {
        List<Long> candidates = em.createQuery(
                        "SELECT d.id FROM Delivery d WHERE d.receiver = :receiver AND d.state = :pending"
                                + " AND d.nextAttemptAt <= :now AND (d.leaseUntil IS NULL OR d.leaseUntil < :now)"
                                + " AND NOT EXISTS (SELECT e.id FROM Delivery e WHERE e.receiver = d.receiver"
                                + " AND e.ticketReference = d.ticketReference AND e.state = :pending"
                                + " AND e.ticketVersion < d.ticketVersion)"
                                + " ORDER BY d.id",
                        Long.class)
                .setParameter("receiver", receiver)
                .setParameter("pending", DeliveryState.PENDING)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        // one conditional update for all: a candidate another member leased meanwhile is left out by the database
        em.createQuery("UPDATE Delivery d SET d.leaseOwner = :owner, d.leaseUntil = :until"
                        + " WHERE d.id IN :ids AND d.state = :pending"
                        + " AND (d.leaseUntil IS NULL OR d.leaseUntil < :now)")
                .setParameter("owner", owner)
                .setParameter("until", until)
                .setParameter("ids", candidates)
                .setParameter("pending", DeliveryState.PENDING)
                .setParameter("now", now)
                .executeUpdate();
        return em.createQuery(
                        "SELECT d FROM Delivery d JOIN FETCH d.event WHERE d.id IN :ids AND d.leaseOwner = :owner"
                                + " AND d.leaseUntil = :until ORDER BY d.id",
                        Delivery.class)
                .setParameter("ids", candidates)
                .setParameter("owner", owner)
                .setParameter("until", until)
                .getResultList();
    }

    @Override
    public void delivered(Collection<Long> ids, Instant at, int status) {
        if (ids.isEmpty()) {
            return;
        }
        em.createQuery("UPDATE Delivery d SET d.state = :delivered, d.attempts = d.attempts + 1,"
                        + " d.lastAttemptAt = :at, d.deliveredAt = :at, d.lastStatus = :status, d.lastError = NULL,"
                        + " d.leaseOwner = NULL, d.leaseUntil = NULL WHERE d.id IN :ids AND d.state = :pending")
                .setParameter("delivered", DeliveryState.DELIVERED)
                .setParameter("at", at)
                .setParameter("status", status)
                .setParameter("ids", ids)
                .setParameter("pending", DeliveryState.PENDING)
                .executeUpdate();
    }

    @Override
    public Map<Long, Delivery> deliveries(Collection<Long> ids) {
        Map<Long, Delivery> found = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT d FROM Delivery d WHERE d.id IN :ids", Delivery.class)
                    .setParameter("ids", ids)
                    .getResultList()
                    .forEach(d -> found.put(d.id(), d));
        }
        return found;
    }

    @Override
    public Optional<Delivery> find(long id) {
        return Optional.ofNullable(em.find(Delivery.class, id));
    }

    @Override
    public List<Delivery> list(DeliveryState state, Long before, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT d FROM Delivery d WHERE 1 = 1");
        if (state != null) {
            jpql.append(" AND d.state = :state");
        }
        if (before != null) {
            jpql.append(" AND d.id < :before");
        }
        jpql.append(" ORDER BY d.id DESC");
        TypedQuery<Delivery> query = em.createQuery(jpql.toString(), Delivery.class);
        if (state != null) {
            query.setParameter("state", state);
        }
        if (before != null) {
            query.setParameter("before", before);
        }
        return query.setMaxResults(limit).getResultList();
    }

    @Override
    public Map<DeliveryState, Long> count() {
        Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
        for (DeliveryState s : DeliveryState.values()) {
            counts.put(s, 0L);
        }
        em.createQuery("SELECT d.state, COUNT(d) FROM Delivery d GROUP BY d.state", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((DeliveryState) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    @Override
    public int purgeDelivered(Instant deliveredBefore) {
        int removed = em.createQuery("DELETE FROM Delivery d WHERE d.state = :delivered AND d.deliveredAt < :before")
                .setParameter("delivered", DeliveryState.DELIVERED)
                .setParameter("before", deliveredBefore)
                .executeUpdate();
        if (removed > 0) {
            em.createQuery("DELETE FROM OutboxEvent e WHERE NOT EXISTS"
                            + " (SELECT d.id FROM Delivery d WHERE d.event = e)")
                    .executeUpdate();
        }
        return removed;
    }
}
