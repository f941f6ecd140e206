package io.ticketrouter.domain.model.ticket;

import java.util.List;
import java.util.Map;

/**
 * What the models said about a ticket when it arrived. Stored once and never overwritten: agent corrections are kept
 * next to it. What routing made of it is {@link Routing}.
 */
public record Classification(
        String language,
        String queue,
        double queueConfidence,
        String priority,
        double priorityConfidence,
        Map<String, Double> queueProbabilities,
        Map<String, Double> priorityProbabilities,
        List<Keyword> keywords,
        double queueReviewThreshold,
        String modelVersion) {}
