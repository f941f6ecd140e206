package io.ticketrouter.application.internal;

import io.ticketrouter.application.PredictionView;
import io.ticketrouter.application.RoutingPolicy;
import io.ticketrouter.application.TicketView;
import io.ticketrouter.classification.Prediction;
import io.ticketrouter.domain.model.ticket.Classification;
import io.ticketrouter.domain.model.ticket.HistoryEntry;
import io.ticketrouter.domain.model.ticket.Keyword;
import io.ticketrouter.domain.model.ticket.RoutingDecision;
import io.ticketrouter.domain.model.ticket.Ticket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Maps predictions and tickets to the read models the API and the dashboards see. */
final class TicketViews {

    private TicketViews() {
    }

    static Classification classification(Prediction p) {
        String priority = p.priority().label().toLowerCase(Locale.ROOT);
        boolean review = p.belowReviewThreshold();
        List<Keyword> keywords = new ArrayList<>(p.keywords().size());
        p.keywords().forEach(k -> keywords.add(new Keyword(k.term(), k.weight())));
        return new Classification(p.language(), p.queue().label(), p.queue().confidence(), priority,
                p.priority().confidence(), p.queueProbabilities(), p.priorityProbabilities(), keywords,
                p.queueReviewThreshold(), review,
                Recommendations.text(p.queue().label(), p.queue().confidence(), p.queueReviewThreshold(), review,
                        priority, p.priority().confidence()),
                p.modelVersion());
    }

    static PredictionView prediction(Classification c, RoutingPolicy.Routing routing) {
        List<TicketView.Keyword> keywords = new ArrayList<>(c.keywords().size());
        c.keywords().forEach(k -> keywords.add(new TicketView.Keyword(k.term(), k.weight())));
        return new PredictionView(c.language(), new TicketView.Scored(c.queue(), c.queueConfidence()),
                new TicketView.Scored(c.priority(), c.priorityConfidence()), c.queueProbabilities(),
                c.priorityProbabilities(), keywords, routing.recommendation(), routing.needsReview(),
                c.queueReviewThreshold(), routing.urgent() || "high".equals(routing.priority()),
                routing(routing.decisions()), c.modelVersion());
    }

    static TicketView ticket(Ticket t) {
        List<TicketView.Keyword> keywords = new ArrayList<>();
        t.keywords().forEach(k -> keywords.add(new TicketView.Keyword(k.term(), k.weight())));
        List<TicketView.HistoryEntry> history = new ArrayList<>(t.history().size());
        for (HistoryEntry h : t.history()) {
            history.add(new TicketView.HistoryEntry(h.at(), h.actor(), h.field(), h.from(), h.to()));
        }
        return new TicketView(t.reference().value(), t.createdAt(), t.updatedAt(), t.status().wireName(),
                t.subject(), t.body(), t.customerName(), t.customerEmail(), t.language(),
                new TicketView.Scored(t.predictedQueue(), t.queueConfidence()),
                new TicketView.Scored(t.predictedPriority(), t.priorityConfidence()),
                t.queueProbabilities(), t.priorityProbabilities(), keywords, t.recommendation(), t.needsReview(),
                t.urgent(), routing(t.routing()), t.modelVersion(), t.correctedQueue(), t.correctedPriority(),
                t.finalQueue(), t.finalPriority(), List.copyOf(history));
    }

    private static List<TicketView.RoutingDecision> routing(List<RoutingDecision> decisions) {
        List<TicketView.RoutingDecision> list = new ArrayList<>(decisions.size());
        decisions.forEach(d -> list.add(new TicketView.RoutingDecision(d.rule(), d.change(), d.reason())));
        return List.copyOf(list);
    }
}
