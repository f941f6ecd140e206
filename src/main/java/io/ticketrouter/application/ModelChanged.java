package io.ticketrouter.application;

import java.time.Instant;

/**
 * CDI event fired (asynchronously) when the serving model was swapped, or when a new bundle was refused and the old
 * one keeps serving. The dashboard WebSocket observes it and tells every open dashboard.
 *
 * @param kind            {@link Kind#LOADED} or {@link Kind#REFUSED}
 * @param version         the version serving now (after the event), null when none is loaded
 * @param previousVersion the version that served before, null when none was loaded
 * @param reason          why a bundle was refused; null when loaded
 * @param trigger         what asked for it: {@code "startup"}, {@code "api"} or {@code "watcher"}
 * @param at              when
 */
public record ModelChanged(
        Kind kind, String version, String previousVersion, String reason, String trigger, Instant at) {

    public enum Kind {
        LOADED,
        REFUSED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
