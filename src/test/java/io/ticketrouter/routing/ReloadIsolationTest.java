package io.ticketrouter.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.application.PluginStatus;
import io.ticketrouter.routing.testplugins.GateRule;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reload swaps the plugins atomically: a ticket being routed finishes with the plugins it started with. */
class ReloadIsolationTest {

    @TempDir
    Path temp;

    @Test
    void aRequestInFlightFinishesWithTheSnapshotItStartedWith() throws Exception {
        Path services = Files.createDirectories(temp.resolve("cp/META-INF/services"));
        Files.writeString(services.resolve("io.ticketrouter.spi.RoutingRule"), GateRule.class.getName() + "\n");
        GateRule.entered = new CountDownLatch(1);
        GateRule.gate = new CountDownLatch(1);
        AtomicReference<Map<String, String>> settings = new AtomicReference<>(Map.of());
        try (URLClassLoader application = new URLClassLoader(
                        new URL[] {temp.resolve("cp").toUri().toURL()},
                        getClass().getClassLoader());
                RoutingEngine engine = new RoutingEngine(
                        RoutingOptions.defaults(null).withRuleTimeLimit(Duration.ofSeconds(10)),
                        () -> PluginSettings.of(settings.get()),
                        () -> ModelLabels.NONE,
                        application)) {
            assertEquals(
                    "active",
                    engine.plugins().stream()
                            .filter(p -> p.name().equals("gate-rule"))
                            .findFirst()
                            .orElseThrow()
                            .state());

            CompletableFuture<RoutingOutcome> inFlight = CompletableFuture.supplyAsync(
                    () -> engine.route(TestPlugins.ticket("en", "", "The printer is broken.")));
            assertTrue(GateRule.entered.await(5, TimeUnit.SECONDS), "the rule was called");

            settings.set(Map.of("gate-rule.enabled", "false"));
            List<PluginStatus> reloaded = engine.reload();
            assertEquals(
                    "disabled",
                    reloaded.stream()
                            .filter(p -> p.name().equals("gate-rule"))
                            .findFirst()
                            .orElseThrow()
                            .state());
            RoutingOutcome after = engine.route(TestPlugins.ticket("en", "", "The printer is broken."));
            assertEquals("medium", after.priority(), "new requests use the new plugins");

            GateRule.gate.countDown();
            RoutingOutcome before = inFlight.get(5, TimeUnit.SECONDS);
            assertEquals("high", before.priority(), "the request in flight kept its plugins");
            assertEquals(
                    List.of(new RoutingOutcome.FiredRule("gate-rule", "priority: medium -> high", "the gate opened")),
                    before.fired());
        }
    }
}
