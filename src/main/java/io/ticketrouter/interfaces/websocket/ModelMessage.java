package io.ticketrouter.interfaces.websocket;

import java.time.Instant;

/**
 * What a dashboard receives when the serving model changed or a new bundle was refused:
 * {@code {"type":"model","event":"loaded|refused","version":...,"previous_version":...,"reason":...,"at":...,
 * "member":...}}. {@code member} names the cluster member whose model changed (each member loads the shared model
 * directory itself), null on a single instance.
 */
public record ModelMessage(
        String type,
        String event,
        String version,
        String previousVersion,
        String reason,
        String trigger,
        Instant at,
        String member) {}
