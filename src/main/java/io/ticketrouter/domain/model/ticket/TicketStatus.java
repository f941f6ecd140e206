package io.ticketrouter.domain.model.ticket;

import io.ticketrouter.domain.model.WireNames;

/** Where a ticket is in its life. Wire names are lower case: {@code open}, {@code in_progress}, {@code resolved}. */
public enum TicketStatus {
    OPEN,
    IN_PROGRESS,
    RESOLVED;

    public String wireName() {
        return WireNames.of(this);
    }

    /** Accepted values, for error messages. */
    public static String allowed() {
        return WireNames.allowed(TicketStatus.class);
    }

    /** @throws IllegalArgumentException naming the allowed values */
    public static TicketStatus fromWire(String value) {
        return WireNames.parse(TicketStatus.class, "status", value);
    }
}
