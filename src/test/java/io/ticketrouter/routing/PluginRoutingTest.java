package io.ticketrouter.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.application.PluginStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CDI face of the engine: where plugins and their settings come from. */
class PluginRoutingTest {

    @TempDir
    Path temp;

    @Test
    void pluginDirectoryDefaultsToPluginsUnderTheDataDirectory() {
        PluginRouting routing = start(Map.of("ticketrouter.data.dir", temp.toString()), Map.of());
        try {
            assertEquals(temp.resolve("plugins").toAbsolutePath(), routing.pluginDirectory());
        } finally {
            routing.stop();
        }
    }

    @Test
    void aMisspeltEngineSettingIsReportedWithTheKnownOnes() {
        PluginRouting routing = start(
                Map.of("ticketrouter.data.dir", temp.toString(), "ticketrouter.plugins.timeout", "100"), Map.of());
        try {
            assertEquals(
                    List.of("unknown setting ticketrouter.plugins.timeout is ignored; known settings: "
                            + "[ticketrouter.plugins.dir, ticketrouter.plugins.threads, ticketrouter.plugins.timeout-ms], "
                            + "and ticketrouter.plugin.<plugin name>.<key> for a plugin"),
                    routing.warnings());
        } finally {
            routing.stop();
        }
    }

    @Test
    void settingsComeFromPluginsPropertiesMicroProfileConfigAndEnvironment() throws Exception {
        Path dir = TestPlugins.directoryWith(temp.resolve("plugins"), TestPlugins.ROUTING_EXAMPLE);
        Files.writeString(dir.resolve("plugins.properties"), """
                # read on every load
                vip-senders.domains=from-file.com
                invoices-to-billing.order=7
                """);
        // a time limit far above the default 50 ms: this test is about where settings come from, and on a loaded
        // machine a rule's first call in a fresh plugin thread can take longer, which would drop its change
        Map<String, String> listed = Map.of(
                "ticketrouter.plugins.dir",
                dir.toString(),
                "ticketrouter.plugin.vip-senders.domains",
                "from-config.com",
                "ticketrouter.plugins.timeout-ms",
                "5000");
        Map<String, String> environmentOnly = Map.of("ticketrouter.plugin.vip-senders.priority", "medium");
        PluginRouting routing = start(listed, environmentOnly);
        try {
            PluginStatus invoices = routing.plugins().stream()
                    .filter(p -> p.name().equals("invoices-to-billing"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(7, invoices.order(), "from plugins.properties");
            RoutingOutcome outcome = routing.route(new RoutingInput(
                    "",
                    "Hello, the login page is slow.",
                    "a@from-config.com",
                    TestPlugins.prediction("en", "IT Support", 0.9, "low")));
            assertEquals("medium", outcome.priority(), "domains from MicroProfile Config, priority from environment");
            assertTrue(routing.warnings().isEmpty(), routing.warnings().toString());
        } finally {
            routing.stop();
        }
    }

    private static PluginRouting start(Map<String, String> listed, Map<String, String> unlisted) {
        PluginRouting routing = new PluginRouting();
        routing.config = new MapConfig(listed, unlisted);
        routing.start();
        return routing;
    }

    /** Properties in {@code listed} are enumerable (system properties, files); {@code unlisted} are only found by name. */
    private record MapConfig(Map<String, String> listed, Map<String, String> unlisted) implements Config {

        private Optional<String> raw(String name) {
            Map<String, String> all = new HashMap<>(unlisted);
            all.putAll(listed);
            return Optional.ofNullable(all.get(name));
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            return raw(name).map(v ->
                    (T) (type == Long.class ? Long.valueOf(v) : type == Integer.class ? Integer.valueOf(v) : v));
        }

        @Override
        public <T> T getValue(String name, Class<T> type) {
            return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
        }

        @Override
        public ConfigValue getConfigValue(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return List.copyOf(listed.keySet());
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            return List.of();
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> type) {
            return Optional.empty();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new IllegalArgumentException();
        }
    }
}
