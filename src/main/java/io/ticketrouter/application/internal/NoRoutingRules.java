package io.ticketrouter.application.internal;

import io.ticketrouter.application.RoutingPolicy;
import io.ticketrouter.classification.Prediction;
import io.ticketrouter.domain.model.ticket.TicketContent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The routing policy until routing-rule plugins exist: the prediction is the routing, no rule applies. */
@ApplicationScoped
public class NoRoutingRules implements RoutingPolicy {

    @Override
    public Routing route(TicketContent ticket, Prediction prediction) {
        return new Routing(List.of(), prediction.queue().label(), prediction.priority().label());
    }
}
