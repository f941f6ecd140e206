package io.ticketrouter.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.ticketrouter.application.PluginStatus;
import io.ticketrouter.routing.testplugins.GateRule;
import io.ticketrouter.routing.testplugins.WrittenForApi10;
import io.ticketrouter.spi.RoutingApi;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every plugin is listed with the API version it was compiled against; plugins written for 1.0 still load. */
class ApiVersionTest {

    @TempDir
    Path temp;

    @Test
    void aBaseClassPluginAndAPluginWrittenFor10LoadEachWithItsOwnVersion() throws Exception {
        Path services = Files.createDirectories(temp.resolve("cp/META-INF/services"));
        Files.writeString(
                services.resolve("io.ticketrouter.spi.RoutingRule"),
                GateRule.class.getName() + "\n" + WrittenForApi10.class.getName() + "\n");
        try (URLClassLoader application = new URLClassLoader(
                        new URL[] {temp.resolve("cp").toUri().toURL()},
                        getClass().getClassLoader());
                RoutingEngine engine = new RoutingEngine(
                        RoutingOptions.defaults(null),
                        () -> PluginSettings.of(Map.of()),
                        () -> ModelLabels.NONE,
                        application)) {
            Map<String, PluginStatus> plugins =
                    engine.plugins().stream().collect(Collectors.toMap(PluginStatus::name, Function.identity()));

            assertNotEquals("1.0", RoutingApi.VERSION, "this server provides a newer API than 1.0");
            PluginStatus old = plugins.get("written-for-1-0");
            assertEquals(PluginStatus.ACTIVE, old.state(), String.valueOf(old.reason()));
            assertEquals("1.0", old.apiVersion());
            assertEquals(60, old.order());

            PluginStatus gate = plugins.get("gate-rule");
            assertEquals(PluginStatus.ACTIVE, gate.state(), String.valueOf(gate.reason()));
            assertEquals(RoutingApi.VERSION, gate.apiVersion(), "AbstractRoutingRule answers what GateRule passed");
            assertEquals(50, gate.order());
        }
    }
}
