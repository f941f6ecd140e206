package io.ticketrouter.application;

import java.time.Duration;
import java.util.List;

/**
 * The outbox as its sender sees it: lease what is due for a receiver, report how each attempt went. Each method is
 * its own short transaction, never open while a receiver is being called.
 */
public interface OutboxQueue {

    /**
     * The prefix of a helpdesk connector's receiver name ({@code connector:zammad}): its deliveries are the calls the
     * connector says write the ticket back to its helpdesk, not a webhook POST.
     */
    String CONNECTOR = "connector:";

    /**
     * Leases up to {@code limit} deliveries due for {@code receiver} to {@code owner} for {@code lease}: at most one
     * per ticket (its oldest pending event), in event order.
     */
    List<Due> lease(String receiver, String owner, Duration lease, int limit);

    /** Records how the attempts went, all in one transaction. */
    void report(List<Attempt> attempts);

    /** Removes deliveries delivered longer ago than the settings keep them; returns how many. */
    int purge();

    /**
     * How one attempt went: delivered (the receiver answered 2xx) or failed, with the HTTP status (null when no answer
     * came) and what went wrong.
     */
    record Attempt(long delivery, boolean delivered, Integer status, String error) {}

    /** A delivery to send now: its id, the event's id and type, the ticket, and the exact body. */
    record Due(long delivery, String eventId, String type, String ticketReference, String body) {}
}
