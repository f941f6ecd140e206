package io.ticketrouter.domain.model.ticket;

import io.ticketrouter.domain.model.WireNames;

/** Ticket priority. Wire names are lower case: {@code high}, {@code medium}, {@code low}. */
public enum Priority {
    HIGH,
    MEDIUM,
    LOW;

    public String wireName() {
        return WireNames.of(this);
    }

    /** Accepted values, for error messages. */
    public static String allowed() {
        return WireNames.allowed(Priority.class);
    }

    /** @throws IllegalArgumentException naming the allowed values */
    public static Priority fromWire(String value) {
        return WireNames.parse(Priority.class, "priority", value);
    }
}
