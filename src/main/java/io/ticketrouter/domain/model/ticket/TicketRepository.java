package io.ticketrouter.domain.model.ticket;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where tickets live. Implementations run inside the caller's transaction. */
public interface TicketRepository {

    /** Stores a new ticket and gives it its reference. */
    void add(Ticket ticket);

    Optional<Ticket> find(TicketReference reference);

    /** The ticket a helpdesk sent through this connector with this id of its own, if there is one. */
    Optional<Ticket> findExternal(String source, String externalId);

    /**
     * Locks the intake of helpdesk tickets until the transaction ends, on every member of a cluster: a helpdesk
     * ticket looked for after this and not found cannot be stored by a concurrent call before this one commits.
     */
    void lockHelpdeskIntake();

    /**
     * Locks the intake of customers' mails until the transaction ends, on every member of a cluster: a mail whose
     * {@code Message-ID} is looked for after this and not found cannot be taken by a concurrent poll before this one
     * commits.
     */
    void lockMailIntake();

    /** Whether a mail with this {@code Message-ID} belongs to a ticket already. */
    boolean mailKnown(String messageId);

    /** The ticket the first known of these {@code Message-ID}s belongs to, if any does. */
    Optional<Ticket> findByMail(Collection<String> messageIds);

    /** Records that a mail belongs to a stored ticket. */
    void addMail(TicketMail mail);

    /** The mails of a ticket, oldest first. */
    List<TicketMail> mails(Ticket ticket);

    /**
     * The ticket, locked against other changes until the transaction ends: concurrent changes of one ticket wait for
     * each other and each reads the state the one before committed (a ticket deleted meanwhile is not found).
     */
    Optional<Ticket> findForUpdate(TicketReference reference);

    /**
     * Tickets matching the query, newest first; at most {@code limit}. With {@link TicketQuery#after()} the page holds
     * the tickets closest after that reference (so a client catching up never skips one), still newest first.
     */
    List<Ticket> search(TicketQuery query, int limit);

    /** The tickets with these references that exist, in no particular order. */
    List<Ticket> findAll(Collection<TicketReference> references);

    void remove(Ticket ticket);

    /**
     * Writes the transaction's changes now, so that a ticket changed or removed by someone else since it was read
     * fails here (with the persistence provider's optimistic-lock exception) rather than at the commit.
     */
    void flush();
}
