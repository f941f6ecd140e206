package io.ticketrouter.application.internal;

import io.ticketrouter.application.PredictionView;
import io.ticketrouter.application.TicketView;
import io.ticketrouter.classification.Prediction;
import io.ticketrouter.domain.model.ticket.Classification;
import io.ticketrouter.domain.model.ticket.HistoryEntry;
import io.ticketrouter.domain.model.ticket.Keyword;
import io.ticketrouter.domain.model.ticket.Routing;
import io.ticketrouter.domain.model.ticket.Ticket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Maps predictions and tickets to the read models the API and the dashboards see. */
final class TicketViews {

    private TicketViews() {}

    static Classification classification(Prediction p) {
        String priority = p.priority().label().toLowerCase(Locale.ROOT);
        List<Keyword> keywords = new ArrayList<>(p.keywords().size());
        p.keywords().forEach(k -> keywords.add(new Keyword(k.term(), k.weight())));
        return new Classification(
                p.language(),
                p.queue().label(),
                p.queue().confidence(),
                priority,
                p.priority().confidence(),
                p.queueProbabilities(),
                p.priorityProbabilities(),
                keywords,
                p.queueReviewThreshold(),
                p.modelVersion());
    }

    static PredictionView prediction(Classification c, Routing routing) {
        return new PredictionView(
                c.language(),
                new TicketView.Scored(c.queue(), c.queueConfidence()),
                new TicketView.Scored(c.priority(), c.priorityConfidence()),
                c.queueProbabilities(),
                c.priorityProbabilities(),
                c.keywords(),
                routing.recommendation(),
                routing.needsReview(),
                c.queueReviewThreshold(),
                routing.urgent(),
                routing.decisions(),
                c.modelVersion(),
                routing.queue(),
                routing.priority(),
                null);
    }

    /** The start of a text, at most {@code max} characters, cut at a word and marked with an ellipsis when cut. */
    static String excerpt(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= max) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', max - 1);
        return flat.substring(0, cut > max / 2 ? cut : max - 1) + "\u2026";
    }

    static TicketView ticket(Ticket t) {
        List<TicketView.HistoryEntry> history = new ArrayList<>(t.history().size());
        for (HistoryEntry h : t.history()) {
            history.add(new TicketView.HistoryEntry(h.at(), h.actor(), h.field(), h.from(), h.to()));
        }
        return new TicketView(
                t.reference().value(),
                t.createdAt(),
                t.updatedAt(),
                t.status().wireName(),
                t.subject(),
                t.body(),
                t.customerName(),
                t.customerEmail(),
                t.language(),
                new TicketView.Scored(t.predictedQueue(), t.queueConfidence()),
                new TicketView.Scored(t.predictedPriority(), t.priorityConfidence()),
                t.queueProbabilities(),
                t.priorityProbabilities(),
                t.keywords(),
                t.recommendation(),
                t.needsReview(),
                t.urgent(),
                t.routing(),
                t.modelVersion(),
                t.correctedQueue(),
                t.correctedPriority(),
                t.finalQueue(),
                t.finalPriority(),
                List.copyOf(history),
                t.channel(),
                t.answer(),
                t.source(),
                t.externalId(),
                t.externalUrl(),
                t.attachments());
    }
}
