package io.ticketrouter.application;

import java.time.Instant;
import java.util.List;

/**
 * The stored tickets most like one text, most similar first, as agents see them beside a ticket.
 *
 * @param tickets        at most the number asked for; empty when no stored ticket shares a word with the text
 * @param summary        where most of them went, e.g. "4 of 5 went to Billing and Payments"; null when empty
 * @param suggestedReply the answer of the most similar ticket that has one, offered to the agent (never sent by
 *                       itself); null when none of them has an answer
 * @param complete       false while the index is still catching up with the database (after a start with a missing
 *                       or damaged index): the list may then miss tickets, but every ticket in it is as stored
 */
public record SimilarTickets(List<Similar> tickets, String summary, SuggestedReply suggestedReply, boolean complete) {

    /** Characters of a ticket's body shown as its excerpt. */
    public static final int EXCERPT_CHARS = 200;

    /**
     * One similar ticket.
     *
     * @param similarity cosine similarity of the two texts' TF-IDF term vectors, 0 to 1
     * @param lastReply  the ticket's answer (imported history) or else its last agent note; null when it has neither
     */
    public record Similar(
            String reference,
            String subject,
            String excerpt,
            String queue,
            String priority,
            String status,
            Instant createdAt,
            double similarity,
            String lastReply) {}

    /** A reply the agent may start from: the text and the ticket it comes from. */
    public record SuggestedReply(String reference, String text) {}
}
