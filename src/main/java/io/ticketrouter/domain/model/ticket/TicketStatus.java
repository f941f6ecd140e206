package io.ticketrouter.domain.model.ticket;

import io.ticketrouter.domain.model.WireNamed;

/** Where a ticket is in its life. Wire names are lower case: {@code open}, {@code in_progress}, {@code resolved}. */
public enum TicketStatus implements WireNamed {
    OPEN,
    IN_PROGRESS,
    RESOLVED
}
