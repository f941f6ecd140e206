package io.ticketrouter.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a plugin gets without writing it: the defaults of {@link Plugin} and {@link PluginContext}. */
class PluginDefaultsTest {

    /** A plugin that implements only what it must. */
    static final class Minimal implements UrgentKeywordList {
        @Override
        public String name() {
            return "minimal";
        }

        @Override
        public String apiVersion() {
            return RoutingApi.VERSION;
        }

        @Override
        public Map<String, Set<String>> keywords() {
            return Map.of("en", Set.of("outage"));
        }
    }

    /** A context over fixed values, trimmed and blank-as-unset like the server's. */
    record Context(Map<String, String> values) implements PluginContext {
        @Override
        public String pluginName() {
            return "minimal";
        }

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(values.get(key)).map(String::trim).filter(v -> !v.isEmpty());
        }

        @Override
        public Set<String> queues() {
            return Set.of();
        }

        @Override
        public Set<String> priorities() {
            return Set.of();
        }
    }

    @Test
    void aPluginWithoutManifestVersionIsUnknownAndHasNoConfiguration() {
        Minimal plugin = new Minimal();
        assertEquals("unknown", plugin.version(), "classes outside a jar with Implementation-Version");
        assertEquals(Set.of(), plugin.configurationKeys());
        plugin.configure(new Context(Map.of())); // the default does nothing, and accepts any context
        assertEquals(Map.of("en", Set.of("outage")), plugin.keywords());
    }

    @Test
    void aValueWithDefaultIsTheSetValueOrTheDefault() {
        Context context = new Context(Map.of("queue", " Sales ", "blank", "   "));
        assertEquals("Sales", context.get("queue", "Billing and Payments"));
        assertEquals("Billing and Payments", context.get("missing", "Billing and Payments"));
        assertEquals("Billing and Payments", context.get("blank", "Billing and Payments"));
    }

    @Test
    void aListIsSplitAtCommasIntoTrimmedNonEmptyItems() {
        Context context = new Context(Map.of("domains", " bigcorp.com,, @acme.org ,  ,example.com ", "one", "x"));
        assertEquals(List.of("bigcorp.com", "@acme.org", "example.com"), context.getList("domains"));
        assertEquals(List.of("x"), context.getList("one"));
        assertEquals(List.of(), context.getList("missing"));
        assertThrows(
                UnsupportedOperationException.class,
                () -> context.getList("domains").add("y"));
    }
}
