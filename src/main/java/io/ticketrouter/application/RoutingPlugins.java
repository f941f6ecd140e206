package io.ticketrouter.application;

import java.nio.file.Path;
import java.util.List;

/**
 * The routing plugins as agents and admins see and manage them ({@code GET /api/plugins}, {@code POST
 * /api/plugins/reload}). Implemented by the routing engine's CDI bean.
 */
public interface RoutingPlugins {

    /** The routing SPI version this server implements. */
    String apiVersion();

    /** Every plugin of the current load: built-in ones first, then the jars in file-name order. */
    List<PluginStatus> plugins();

    /** Problems that are not a single plugin's, for example settings for an unknown plugin. */
    List<String> warnings();

    /** Loads the plugins again and swaps them in atomically; answers the new load. */
    List<PluginStatus> reload();

    /** Where plugin jars are loaded from. */
    Path pluginDirectory();
}
