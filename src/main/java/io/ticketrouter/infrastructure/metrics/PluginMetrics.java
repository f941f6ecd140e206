package io.ticketrouter.infrastructure.metrics;

import io.ticketrouter.application.PluginStatus;
import io.ticketrouter.routing.PluginRouting;
import io.ticketrouter.routing.PluginsLoaded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Exports the routing plugins' counters as gauges: {@code ticketrouter_plugin_calls}, {@code _fired},
 * {@code _errors} and {@code _timeouts}, each tagged {@code plugin="<name>"}. They read the live counters of
 * {@code GET /api/plugins}, which start again from zero when the plugins are reloaded. Gauges are registered for
 * every plugin name seen since start-up (a plugin removed by a reload reads 0).
 */
@ApplicationScoped
public class PluginMetrics {

    private static final String PREFIX = "ticketrouter_plugin_";

    @Inject
    MetricRegistry registry;

    @Inject
    PluginRouting routing;

    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    void onLoaded(@Observes PluginsLoaded loaded) {
        for (PluginStatus plugin : loaded.plugins()) {
            if (registered.add(plugin.name())) {
                gauge(
                        "calls",
                        "Calls of the plugin since the plugins were last loaded",
                        plugin.name(),
                        PluginStatus::calls);
                gauge("fired", "Calls in which the plugin changed the routing", plugin.name(), PluginStatus::fired);
                gauge(
                        "errors",
                        "Calls that threw or returned nonsense (ignored for that ticket)",
                        plugin.name(),
                        PluginStatus::errors);
                gauge(
                        "timeouts",
                        "Calls that exceeded the time limit or were skipped while earlier calls hang",
                        plugin.name(),
                        PluginStatus::timeouts);
            }
        }
    }

    private void gauge(String what, String description, String name, ToLongFunction<PluginStatus> counter) {
        registry.gauge(
                Metadata.builder()
                        .withName(PREFIX + what)
                        .withDescription(description)
                        .build(),
                routing,
                r -> current(r, name, counter),
                new Tag("plugin", name));
    }

    private static long current(PluginRouting routing, String name, ToLongFunction<PluginStatus> counter) {
        for (PluginStatus status : routing.plugins()) {
            if (status.name().equals(name)) {
                return counter.applyAsLong(status);
            }
        }
        return 0L;
    }
}
