package io.ticketrouter.domain.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Parses and lists the {@link WireNamed} constants of an enumeration: any case is accepted, and an unknown name gets
 * an error that lists what is allowed.
 */
public final class WireNames {

    private WireNames() {}

    /** The accepted values, comma-separated in declaration order, for error messages. */
    public static <E extends Enum<E> & WireNamed> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireNamed::wireName).collect(Collectors.joining(", "));
    }

    /**
     * The constant named {@code value} (any case, surrounding blanks ignored).
     *
     * @param field what the value is, for the message ("priority")
     * @throws IllegalArgumentException naming the allowed values and what was given
     */
    public static <E extends Enum<E> & WireNamed> E parse(Class<E> type, String field, String value) {
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.wireName().equalsIgnoreCase(value.trim())) {
                    return constant;
                }
            }
        }
        throw new IllegalArgumentException(field + " must be one of " + allowed(type) + ", got \"" + value + "\"");
    }
}
