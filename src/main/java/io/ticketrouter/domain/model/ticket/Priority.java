package io.ticketrouter.domain.model.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Ticket priority. Wire names are lower case: {@code high}, {@code medium}, {@code low}. */
public enum Priority {
    HIGH,
    MEDIUM,
    LOW;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static String allowed() {
        return Arrays.stream(values()).map(Priority::wireName).collect(Collectors.joining(", "));
    }

    /** @throws IllegalArgumentException naming the allowed values */
    public static Priority fromWire(String value) {
        if (value != null) {
            for (Priority priority : values()) {
                if (priority.wireName().equalsIgnoreCase(value.trim())) {
                    return priority;
                }
            }
        }
        throw new IllegalArgumentException("priority must be one of " + allowed() + ", got \"" + value + "\"");
    }
}
