package io.ticketrouter.routing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Plugin configuration as the operator wrote it: per plugin name, key to value. Keys are written
 * {@code <plugin name>.<key>} (in {@code plugins.properties}) or {@code ticketrouter.plugin.<plugin name>.<key>}
 * (MicroProfile Config). A fallback lookup finds values that cannot be listed, such as environment variables, for
 * the keys a plugin declares. Immutable.
 */
public final class PluginSettings {

    public static final PluginSettings NONE = new PluginSettings(Map.of(), (plugin, key) -> Optional.empty());

    private final Map<String, Map<String, String>> explicit;
    private final BiFunction<String, String, Optional<String>> fallback;

    private PluginSettings(
            Map<String, Map<String, String>> explicit, BiFunction<String, String, Optional<String>> fallback) {
        Map<String, Map<String, String>> copy = new TreeMap<>();
        explicit.forEach((plugin, values) -> copy.put(plugin, Map.copyOf(values)));
        this.explicit = Map.copyOf(copy);
        this.fallback = fallback;
    }

    /**
     * @param flat     {@code <plugin name>.<key>} to value; a key without a dot is an error
     * @param fallback looked up for a declared key that {@code flat} does not set
     * @throws IllegalArgumentException for a key without a plugin name
     */
    public static PluginSettings of(Map<String, String> flat, BiFunction<String, String, Optional<String>> fallback) {
        Map<String, Map<String, String>> byPlugin = new HashMap<>();
        flat.forEach((key, value) -> {
            int dot = key.indexOf('.');
            if (dot <= 0 || dot == key.length() - 1) {
                throw new IllegalArgumentException("plugin setting '" + key
                        + "' must be written <plugin name>.<key>, for example vip-senders.domains");
            }
            byPlugin.computeIfAbsent(key.substring(0, dot), plugin -> new HashMap<>())
                    .put(key.substring(dot + 1), value);
        });
        return new PluginSettings(byPlugin, fallback);
    }

    public static PluginSettings of(Map<String, String> flat) {
        return of(flat, (plugin, key) -> Optional.empty());
    }

    /** Names of the plugins something is configured for. */
    Set<String> pluginNames() {
        return explicit.keySet();
    }

    /** The keys set explicitly for one plugin. */
    Map<String, String> explicit(String plugin) {
        return explicit.getOrDefault(plugin, Map.of());
    }

    /** The value of one key of one plugin, trimmed; empty when unset or blank. */
    Optional<String> value(String plugin, String key) {
        String value = explicit(plugin).get(key);
        Optional<String> found = value != null ? Optional.of(value) : fallback.apply(plugin, key);
        return found.map(String::strip).filter(v -> !v.isEmpty());
    }
}
