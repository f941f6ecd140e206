package io.ticketrouter.domain.model.ticket;

import java.util.List;

/** The routing rules that fired for a ticket, in the order they ran (stored as one JSON column). */
public record RoutingTrail(List<RoutingDecision> decisions) {

    public RoutingTrail {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }
}
