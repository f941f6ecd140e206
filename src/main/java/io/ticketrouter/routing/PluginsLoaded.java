package io.ticketrouter.routing;

import io.ticketrouter.application.PluginStatus;
import java.util.List;

/**
 * CDI event fired by {@link PluginRouting} after the plugins were loaded at start-up and after every reload, so that
 * observers (the metrics adapter) can follow the set of plugin names without polling.
 *
 * @param plugins the plugins of the new load, in the order {@code GET /api/plugins} lists them
 */
public record PluginsLoaded(List<PluginStatus> plugins) {}
