package io.ticketrouter.application;

import io.ticketrouter.domain.model.ticket.Attachment;
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
 * {@code channel} is how the ticket came in ({@code portal}, {@code api}, {@code email}, {@code helpdesk}, {@code import};
 * null on tickets stored before channels were recorded), {@code answer} the reply an imported ticket got, and
 * {@code attachments} the files a customer's mail carried (listed, not stored). A ticket a helpdesk sent ({@code channel} {@code helpdesk}) names the connector it came through
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
        String externalUrl,
        List<Attachment> attachments) {

    public record Scored(String label, double confidence) {}

    /**
     * One change: who, when, which field, from what to what; or a {@code note}, an agent's {@code reply} to the
     * customer, a customer's {@code message} (their mail's text in {@code to}, the customer's address as actor).
     */
    public record HistoryEntry(Instant at, String actor, String field, String from, String to) {}
}
