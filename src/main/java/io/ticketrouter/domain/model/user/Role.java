package io.ticketrouter.domain.model.user;

import java.util.List;
import java.util.Locale;

/**
 * What a signed-in user may do. An {@link #ADMIN} can do everything an {@link #AGENT} can: the groups an admin
 * belongs to are {@code admin} and {@code agent}, and the application checks the role a call needs, never "is exactly
 * an agent".
 */
public enum Role {
    /** Works tickets on the dashboard: reads, corrects, classifies, sees plugins and the model. */
    AGENT("agent"),
    /** Also deletes tickets, reloads plugins and models, and manages users. */
    ADMIN("admin");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    /** The role's name in the database, the API and the container's role mapping. */
    public String wireName() {
        return wireName;
    }

    /** The container groups of a user with this role. */
    public List<String> groups() {
        return this == ADMIN ? List.of(ADMIN.wireName, AGENT.wireName) : List.of(AGENT.wireName);
    }

    /** Parses {@code agent} or {@code admin} (any case). */
    public static Role fromWire(String value) {
        if (value != null) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            for (Role r : values()) {
                if (r.wireName.equals(v)) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException(
                "role must be agent or admin, got " + (value == null ? "nothing" : "\"" + value + "\""));
    }
}
