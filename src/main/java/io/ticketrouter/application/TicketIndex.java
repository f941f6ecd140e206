package io.ticketrouter.application;

import java.util.List;

/**
 * The port to the similar-ticket index: which stored tickets are nearest to a text. The index knows only references
 * and scores; what is shown of a ticket is read from the database, so a ticket deleted or changed since it was
 * indexed is never shown as it was.
 *
 * <p>Implemented in {@code io.ticketrouter.infrastructure.search} with Lucene, kept in step with the database.
 */
public interface TicketIndex {

    /** A stored ticket near the text. */
    record Match(String reference, double similarity) {}

    /**
     * The stored tickets nearest to the text in the given language, most similar first, at most {@code limit}, without
     * {@code exclude} (a reference, or null).
     */
    List<Match> nearest(String text, String language, String exclude, int limit);

    /**
     * The index's copy of this ticket may be out of date: found in the index but no longer in the database, or changed
     * by another cluster member. The index reads the ticket again (and drops it when it is gone).
     */
    void stale(String reference);

    /** False while the index is catching up with the database. */
    boolean complete();
}
