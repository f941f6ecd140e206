package io.ticketrouter.domain.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Enumerations whose constants travel in JSON, the database and plugin configuration as their lower-case names
 * ({@code IN_PROGRESS} is {@code in_progress}), parsed in any case with an error that lists what is allowed.
 */
public final class WireNames {

    private WireNames() {}

    /** The constant's name on the wire. */
    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** The accepted values, comma-separated in declaration order, for error messages. */
    public static String allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireNames::of).collect(Collectors.joining(", "));
    }

    /**
     * The constant named {@code value} (any case, surrounding blanks ignored).
     *
     * @param field what the value is, for the message ("priority")
     * @throws IllegalArgumentException naming the allowed values and what was given
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (of(constant).equalsIgnoreCase(value.trim())) {
                    return constant;
                }
            }
        }
        throw new IllegalArgumentException(field + " must be one of " + allowed(type) + ", got \"" + value + "\"");
    }
}
