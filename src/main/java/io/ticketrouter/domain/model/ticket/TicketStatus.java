package io.ticketrouter.domain.model.ticket;

import io.ticketrouter.domain.model.WireNamed;
import io.ticketrouter.domain.model.WireNames;

/** Where a ticket is in its life. Wire names are lower case: {@code open}, {@code in_progress}, {@code resolved}. */
public enum TicketStatus implements WireNamed {
    OPEN,
    IN_PROGRESS,
    RESOLVED;

    /** @throws IllegalArgumentException naming the allowed values */
    public static TicketStatus fromWire(String value) {
        return WireNames.parse(TicketStatus.class, "status", value);
    }
}
