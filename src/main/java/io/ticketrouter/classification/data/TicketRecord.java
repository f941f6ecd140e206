package io.ticketrouter.classification.data;

/**
 * One labelled ticket as read from a CSV row. Labels are kept as found (queue) or normalised to
 * lower case (priority); {@code language} is null when the file has no language value for the row.
 */
public record TicketRecord(String subject, String body, String queue, String priority, String language) {}
