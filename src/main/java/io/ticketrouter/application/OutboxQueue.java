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

    /** The receiver name of the mails to customers: its deliveries are sent by SMTP, not a webhook POST. */
    String MAIL = "mail";

    /**
     * Leases up to {@code limit} deliveries due for {@code receiver} to {@code owner} for {@code lease}: at most one
     * per ticket (its oldest pending event), in event order.
     */
    List<Due> lease(String receiver, String owner, Duration lease, int limit);

    /**
     * Says that this member sends {@code receiver}'s events as {@code owner}. From then on the deliveries of new
     * tickets' first events to it are made leased to {@code owner} and handed to {@link #fresh} once their transaction
     * committed: the usual event needs no lease query, and no lease update, on its way out. (A ticket's later events
     * are leased: one may have to wait behind an earlier one that is still pending, maybe on another member.)
     */
    void listen(String receiver, String owner);

    /**
     * Up to {@code limit} of the deliveries handed over for {@code receiver} (see {@link #listen}), oldest first, each
     * with at least {@code margin} of its lease left (one taken later waits until its lease runs out, then is leased
     * like any other). Reads no database.
     */
    List<Due> fresh(String receiver, int limit, Duration margin);

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
