package io.ticketrouter.domain.model.ticket;

import io.ticketrouter.domain.model.WireNamed;

/** Ticket priority. Wire names are lower case: {@code high}, {@code medium}, {@code low}. */
public enum Priority implements WireNamed {
    HIGH,
    MEDIUM,
    LOW
}
