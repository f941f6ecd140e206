package io.ticketrouter.infrastructure.routing;

import io.ticketrouter.application.RoutingPolicy;
import io.ticketrouter.classification.Prediction;
import io.ticketrouter.domain.model.ticket.Routing;
import io.ticketrouter.domain.model.ticket.RoutingDecision;
import io.ticketrouter.domain.model.ticket.TicketContent;
import io.ticketrouter.routing.PluginRouting;
import io.ticketrouter.routing.RoutingInput;
import io.ticketrouter.routing.RoutingOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The application's routing policy: the built-in rules and the routing plugins, through {@link PluginRouting}. */
@ApplicationScoped
public class PluginRoutingPolicy implements RoutingPolicy {

    @Inject
    PluginRouting routing;

    @Override
    public Routing route(TicketContent ticket, Prediction prediction) {
        RoutingOutcome outcome =
                routing.route(new RoutingInput(ticket.subject(), ticket.body(), ticket.customerEmail(), prediction));
        List<RoutingDecision> decisions = outcome.fired().stream()
                .map(f -> new RoutingDecision(f.rule(), f.change(), f.reason()))
                .toList();
        return new Routing(
                decisions,
                outcome.queue(),
                outcome.priority(),
                outcome.needsReview(),
                outcome.urgent(),
                outcome.recommendation());
    }
}
