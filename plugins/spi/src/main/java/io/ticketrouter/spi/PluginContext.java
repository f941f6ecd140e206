package io.ticketrouter.spi;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration of one plugin, as the operator set it. Values come from MicroProfile Config
 * ({@code ticketrouter.plugin.<name>.<key>}, also as environment variable {@code TICKETROUTER_PLUGIN_<NAME>_<KEY>})
 * or from {@code plugins.properties} in the plugin directory ({@code <name>.<key>=value}).
 *
 * <p>Only keys the plugin declared in {@link Plugin#configurationKeys()} can be read; asking for another key throws
 * {@link IllegalArgumentException} naming the declared ones.
 */
public interface PluginContext {

    /** Name of the plugin this context belongs to. */
    String pluginName();

    /** The value of a key, trimmed; empty when not set or blank. */
    Optional<String> get(String key);

    /** The value of a key, or {@code defaultValue} when not set. */
    default String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    /** A comma-separated value split into trimmed, non-empty items; empty when not set. */
    default List<String> getList(String key) {
        return get(key).map(value -> java.util.Arrays.stream(value.split(","))
                        .map(String::trim)
                        .filter(item -> !item.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    /** Queue labels of the loaded model (for example "Billing and Payments"), to check configured queue names. */
    Set<String> queues();

    /** Priority labels of the loaded model: "high", "medium", "low". */
    Set<String> priorities();
}
