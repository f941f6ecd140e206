package io.ticketrouter.domain.model.outbox;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The outbox's events and deliveries. Every method runs in the caller's transaction. */
public interface OutboxRepository {

    /** Stores the event and its deliveries (pending, made for it); they have their ids when this returns. */
    void add(OutboxEvent event, Collection<Delivery> deliveries);

    /**
     * Takes a lease until {@code until} on at most {@code limit} deliveries to {@code receiver} that are due at
     * {@code now}: pending, their next attempt not later than now, no live lease, and no earlier pending delivery of
     * the same ticket to the same receiver (a ticket's events go out one after the other, in their order). A
     * delivery another member leased in the meantime is not taken.
     *
     * @return the deliveries leased to {@code owner}, in event order
     */
    List<Delivery> lease(String receiver, String owner, Instant now, Instant until, int limit);

    Optional<Delivery> find(long id);

    /**
     * Marks these deliveries delivered at {@code at} with the receiver's {@code status}, in one statement, and ends
     * their leases.
     */
    void delivered(Collection<Long> ids, Instant at, int status);

    /** The deliveries by id (those that exist). */
    Map<Long, Delivery> deliveries(Collection<Long> ids);

    /** Deliveries, newest event first: in one state (or all when null), older than {@code before} when given. */
    List<Delivery> list(DeliveryState state, Long before, int limit);

    /** How many deliveries are in each state. */
    Map<DeliveryState, Long> count();

    /**
     * Removes deliveries handed over before {@code deliveredBefore}, then events with no delivery left.
     *
     * @return the deliveries removed
     */
    int purgeDelivered(Instant deliveredBefore);
}
