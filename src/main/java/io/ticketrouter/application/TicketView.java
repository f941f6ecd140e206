package io.ticketrouter.application;

import io.ticketrouter.domain.model.ticket.Keyword;
import io.ticketrouter.domain.model.ticket.RoutingDecision;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The read model of one ticket, as the REST API returns it and the dashboards receive it.
 * JSON property names are snake_case (the application's JSON-B configuration uses
 * {@code PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES}), for example {@code created_at}.
 *
 * <p>The prediction ({@code queue}, {@code priority}) is never overwritten: agent corrections are kept in
 * {@code correctedQueue} / {@code correctedPriority}; {@code finalQueue} / {@code finalPriority} are what routing uses.
 * {@code channel} is {@code import} for imported history (null for the portal and the API), {@code answer} the reply an
 * imported ticket got. A ticket a helpdesk sent ({@code channel} {@code helpdesk}) names the connector it came through
 * ({@code source}, for example {@code zammad}), the helpdesk's id of it and the link to it there.
 */
public record TicketView(
        String reference,
        Instant createdAt,
        Instant updatedAt,
        String status,
        String subject,
        String body,
        String customerName,
        String customerEmail,
        String language,
        Scored queue,
        Scored priority,
        Map<String, Double> queueProbabilities,
        Map<String, Double> priorityProbabilities,
        List<Keyword> keywords,
        String recommendation,
        boolean needsReview,
        boolean urgent,
        List<RoutingDecision> routing,
        String modelVersion,
        String correctedQueue,
        String correctedPriority,
        String finalQueue,
        String finalPriority,
        List<HistoryEntry> history,
        String channel,
        String answer,
        String source,
        String externalId,
        String externalUrl) {

    public record Scored(String label, double confidence) {}

    /** One agent change: who, when, which field, from what to what (or a note). */
    public record HistoryEntry(Instant at, String actor, String field, String from, String to) {}
}
