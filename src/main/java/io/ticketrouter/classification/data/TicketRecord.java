package io.ticketrouter.classification.data;

/**
 * One labelled ticket as read from a CSV row. Labels are kept as found (queue) or normalised to
 * lower case (priority); {@code language} is null when the file has no language value for the row, {@code answer}
 * (the reply the ticket got, read by {@code import} only) when it has none.
 */
public record TicketRecord(String subject, String body, String queue, String priority, String language, String answer) {

    /** A ticket without an answer. */
    public TicketRecord(String subject, String body, String queue, String priority, String language) {
        this(subject, body, queue, priority, language, null);
    }
}
