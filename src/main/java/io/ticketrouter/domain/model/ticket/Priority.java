package io.ticketrouter.domain.model.ticket;

import io.ticketrouter.domain.model.WireNamed;
import io.ticketrouter.domain.model.WireNames;

/** Ticket priority. Wire names are lower case: {@code high}, {@code medium}, {@code low}. */
public enum Priority implements WireNamed {
    HIGH,
    MEDIUM,
    LOW;

    /** @throws IllegalArgumentException naming the allowed values */
    public static Priority fromWire(String value) {
        return WireNames.parse(Priority.class, "priority", value);
    }
}
