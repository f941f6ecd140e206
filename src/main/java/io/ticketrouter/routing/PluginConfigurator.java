package io.ticketrouter.routing;

import io.ticketrouter.spi.Plugin;
import io.ticketrouter.spi.PluginContext;
import io.ticketrouter.spi.RoutingApi;
import io.ticketrouter.spi.RoutingRule;
import io.ticketrouter.spi.UrgentKeywordList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks and configures one plugin instance: its name, the routing API version it was written for, the
 * configuration keys it is given (unknown ones refused, naming the known ones), {@code enabled} and {@code order},
 * and for an urgent-keyword list its keywords. Every refusal is a {@link PluginFailure} that says what is wrong.
 */
final class PluginConfigurator {

    static final String ENABLED = "enabled";
    static final String ORDER = "order";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

    private final PluginSettings settings;
    private final ModelLabels labels;

    PluginConfigurator(PluginSettings settings, ModelLabels labels) {
        this.settings = settings;
        this.labels = labels;
    }

    record Loaded(
            Plugin plugin,
            String name,
            String version,
            String apiVersion,
            Integer order,
            boolean enabled,
            Map<String, Set<String>> keywords) {}

    /** Runs on a loader thread, within the load time limit: checks and configures one plugin instance. */
    Loaded configure(Plugin plugin) {
        String name = plugin.name();
        if (name == null || !NAME.matcher(name).matches()) {
            throw new PluginFailure(
                    null,
                    "invalid name '" + name
                            + "': use 2 to 64 lower-case letters, digits and hyphens, for example 'vip-senders'",
                    null);
        }
        try {
            String apiVersion = plugin.apiVersion();
            if (!RoutingApi.isCompatible(apiVersion, RoutingApi.VERSION)) {
                throw new PluginFailure(
                        name,
                        "written for routing API " + apiVersion + ", this server provides "
                                + RoutingApi.VERSION + " (a plugin must be built for "
                                + RoutingApi.VERSION.split("\\.")[0]
                                + ".x, at most " + RoutingApi.VERSION + ")",
                        null);
            }
            String version = plugin.version();
            Set<String> declared = Set.copyOf(plugin.configurationKeys());
            Set<String> known = new TreeSet<>(declared);
            known.add(ENABLED);
            boolean isRule = plugin instanceof RoutingRule;
            if (isRule) {
                known.add(ORDER);
            }
            Set<String> unknown = new TreeSet<>(settings.explicit(name).keySet());
            unknown.removeAll(known);
            if (!unknown.isEmpty()) {
                throw new PluginFailure(
                        name,
                        "unknown configuration key" + (unknown.size() > 1 ? "s " : " ") + unknown + "; plugin '" + name
                                + "' supports the following keys: " + known,
                        null);
            }
            boolean enabled = settings.value(name, ENABLED)
                    .map(v -> parseBoolean(name, v))
                    .orElse(true);
            Integer order = null;
            if (isRule) {
                order = settings.value(name, ORDER)
                        .map(v -> parseOrder(name, v))
                        .orElseGet(((RoutingRule) plugin)::order);
            }
            Map<String, Set<String>> keywords = Map.of();
            if (enabled) {
                try {
                    plugin.configure(new Context(name, declared, settings, labels));
                } catch (IllegalArgumentException e) {
                    throw new PluginFailure(name, "configuration rejected: " + e.getMessage(), null);
                }
                if (plugin instanceof UrgentKeywordList list) {
                    keywords = copyKeywords(list.keywords());
                    new KeywordMatcher(entries(name, keywords)); // fails here, with the plugin's name, if malformed
                }
            }
            return new Loaded(plugin, name, version, apiVersion, order, enabled, keywords);
        } catch (PluginFailure e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new PluginFailure(name, PluginFailure.describe(e), e);
        }
    }

    private static List<KeywordMatcher.Entry> entries(String list, Map<String, Set<String>> keywords) {
        List<KeywordMatcher.Entry> entries = new ArrayList<>();
        keywords.forEach(
                (language, words) -> words.forEach(w -> entries.add(new KeywordMatcher.Entry(list, language, w))));
        return entries;
    }

    private static Map<String, Set<String>> copyKeywords(Map<String, Set<String>> keywords) {
        if (keywords == null) {
            throw new IllegalArgumentException("keywords() returned null");
        }
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        keywords.forEach((language, words) -> {
            if (language == null || !(language.equals("*") || language.matches("[a-z]{2,3}"))) {
                throw new IllegalArgumentException("keywords() has language '" + language
                        + "': use an ISO 639-1 code such as en, de, es, fr, pt, or * for every language");
            }
            copy.put(language, words == null ? Set.of() : Set.copyOf(words));
        });
        return Map.copyOf(copy);
    }

    private static boolean parseBoolean(String name, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new PluginFailure(name, name + "." + ENABLED + " must be true or false, got '" + value + "'", null);
    }

    private static int parseOrder(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new PluginFailure(name, name + "." + ORDER + " must be a whole number, got '" + value + "'", null);
        }
    }

    /** The narrow view a plugin gets of its configuration. */
    private record Context(String pluginName, Set<String> declared, PluginSettings settings, ModelLabels labels)
            implements PluginContext {

        @Override
        public Optional<String> get(String key) {
            if (!declared.contains(key)) {
                throw new IllegalArgumentException("plugin '" + pluginName + "' asked for configuration key '" + key
                        + "', which its configurationKeys() does not declare; declared keys: "
                        + new TreeSet<>(declared));
            }
            return settings.value(pluginName, key);
        }

        @Override
        public Set<String> queues() {
            return labels.queues();
        }

        @Override
        public Set<String> priorities() {
            return labels.priorities();
        }
    }
}
