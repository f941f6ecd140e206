package io.ticketrouter.application;

import io.ticketrouter.domain.model.ticket.Keyword;
import io.ticketrouter.domain.model.ticket.RoutingDecision;
import java.util.List;
import java.util.Map;

/**
 * What {@code POST /api/predict} answers for one text: the models' prediction, the explanation, the routing rules
 * that would apply and whether a human should review it, and on request the stored tickets most like the text ({@code similar}, null otherwise). {@code queue} and {@code priority} are the models' own
 * answer; {@code finalQueue} and {@code finalPriority} are where the ticket goes once the routing rules have run
 * (for example an urgent keyword raises {@code priority: low} to {@code final_priority: high}).
 */
public record PredictionView(
        String language,
        TicketView.Scored queue,
        TicketView.Scored priority,
        Map<String, Double> queueProbabilities,
        Map<String, Double> priorityProbabilities,
        List<Keyword> keywords,
        String recommendation,
        boolean needsReview,
        double reviewThreshold,
        boolean urgent,
        List<RoutingDecision> routing,
        String modelVersion,
        String finalQueue,
        String finalPriority,
        SimilarTickets similar) {

    /** This prediction with the stored tickets most like its text. */
    public PredictionView withSimilar(SimilarTickets tickets) {
        return new PredictionView(
                language,
                queue,
                priority,
                queueProbabilities,
                priorityProbabilities,
                keywords,
                recommendation,
                needsReview,
                reviewThreshold,
                urgent,
                routing,
                modelVersion,
                finalQueue,
                finalPriority,
                tickets);
    }
}
