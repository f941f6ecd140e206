package io.ticketrouter.domain.model.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a ticket is in its life. Wire names are lower case: {@code open}, {@code in_progress}, {@code resolved}. */
public enum TicketStatus {
    OPEN,
    IN_PROGRESS,
    RESOLVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepted values, for error messages. */
    public static String allowed() {
        return Arrays.stream(values()).map(TicketStatus::wireName).collect(Collectors.joining(", "));
    }

    /** @throws IllegalArgumentException naming the allowed values */
    public static TicketStatus fromWire(String value) {
        if (value != null) {
            for (TicketStatus status : values()) {
                if (status.wireName().equalsIgnoreCase(value.trim())) {
                    return status;
                }
            }
        }
        throw new IllegalArgumentException("status must be one of " + allowed() + ", got \"" + value + "\"");
    }
}
