package io.ticketrouter.domain.model;

import java.util.Locale;

/** An enumeration whose constants are named on the wire by {@link WireNames}: lower case. */
public interface WireNamed {

    /** The constant's {@link Enum#name()}, which every enum provides. */
    String name();

    /** The name in JSON, the database and plugin configuration: {@code IN_PROGRESS} is {@code in_progress}. */
    default String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
