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
                routing.priority());
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
                List.copyOf(history));
    }
}
