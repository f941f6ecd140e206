package io.ticketrouter.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The base classes answer what their constructor was given; the API version is the one the subclass compiled in. */
class AbstractPluginTest {

    private static final Set<String> KEYS = new HashSet<>(Set.of("queue"));

    /** A rule as a plugin author writes it. */
    static final class Refunds extends AbstractRoutingRule {
        Refunds() {
            super("refunds", RoutingApi.VERSION, 300, KEYS);
        }

        @Override
        public RoutingChange apply(RoutingRequest request) {
            return RoutingChange.because("asks for a refund").queue("Returns and Exchanges");
        }
    }

    /** A keyword list without configuration. */
    static final class Outages extends AbstractPlugin implements UrgentKeywordList {
        Outages() {
            super("outages", RoutingApi.VERSION);
        }

        @Override
        public Map<String, Set<String>> keywords() {
            return Map.of("en", Set.of("outage"));
        }
    }

    @Test
    void aRuleAnswersItsNameVersionOrderAndKeys() {
        Refunds rule = new Refunds();
        assertEquals("refunds", rule.name());
        assertEquals(RoutingApi.VERSION, rule.apiVersion());
        assertEquals(300, rule.order());
        assertEquals(Set.of("queue"), rule.configurationKeys());
        assertEquals("unknown", rule.version(), "the default of Plugin");
    }

    @Test
    void theKeysAreACopyThatCannotBeChanged() {
        Refunds rule = new Refunds();
        KEYS.add("later");
        try {
            assertEquals(Set.of("queue"), rule.configurationKeys());
        } finally {
            KEYS.remove("later");
        }
        assertThrows(
                UnsupportedOperationException.class,
                () -> rule.configurationKeys().add("priority"));
    }

    @Test
    void aKeywordListWithoutKeysHasNone() {
        Outages list = new Outages();
        assertEquals("outages", list.name());
        assertEquals(RoutingApi.VERSION, list.apiVersion());
        assertEquals(Set.of(), list.configurationKeys());
        assertEquals(Map.of("en", Set.of("outage")), list.keywords());
    }

    @Test
    void theVersionIsCompiledIntoThePluginNotReadFromTheSpi() throws IOException {
        // the server reads the subclass's own constant: a plugin built against 1.1 says 1.1 on a 1.5 server
        for (Class<?> plugin : Set.of(Refunds.class, Outages.class)) {
            String classFile = classFile(plugin);
            assertTrue(classFile.contains(RoutingApi.VERSION), plugin + " holds the version it was compiled against");
            assertFalse(classFile.contains("VERSION"), plugin + " has no reference to the field RoutingApi.VERSION");
        }
        String base = classFile(AbstractPlugin.class);
        assertFalse(
                base.contains(RoutingApi.VERSION) || base.contains("VERSION"),
                "the base class takes the version from its subclass");
    }

    private static String classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(
                type.getName().substring(type.getPackageName().length() + 1) + ".class")) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
