package io.ticketrouter.routing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Not a test: what routing adds to a request, on this machine. Prints microseconds per ticket for the built-in rules
 * alone and with the example plugins (two rules run on the plugin threads, one keyword list), 16 threads.
 *
 * <p>Run after {@code mvn verify}: {@code mvn -q exec:java -Dexec.mainClass=io.ticketrouter.routing.RoutingEngineBenchmark
 * -Dexec.classpathScope=test}
 */
public final class RoutingEngineBenchmark {

    public static void main(String[] args) throws Exception {
        Path empty = Files.createTempDirectory("bench-none");
        Path examples = TestPlugins.directoryWith(
                Files.createTempDirectory("bench-examples"), TestPlugins.ROUTING_EXAMPLE, TestPlugins.GDPR_EXAMPLE);
        for (Map.Entry<String, Path> setup : Map.of(
                        "built-in rules only", empty, "built-ins + example plugins", examples)
                .entrySet()) {
            try (RoutingEngine engine = new RoutingEngine(
                    RoutingOptions.defaults(setup.getValue()),
                    () -> PluginSettings.of(Map.of("vip-senders.domains", "bigcorp.com")),
                    () -> ModelLabels.NONE,
                    RoutingEngineBenchmark.class.getClassLoader())) {
                List<RoutingInput> tickets = List.of(
                        TestPlugins.ticket(
                                "en",
                                "Printer",
                                "The printer on the second floor shows error 42 and "
                                        + "does not print anymore. We restarted it twice. ".repeat(4)),
                        TestPlugins.ticket(
                                "de",
                                "Rechnung",
                                "Bitte senden Sie mir die Rechnung für März erneut, "
                                        + "wir haben sie nicht erhalten. ".repeat(4)),
                        TestPlugins.ticket("en", "Breach", "We suspect a data breach on the portal. ".repeat(4)));
                run(engine, tickets, 20_000); // warm-up
                int perThread = 20_000;
                long start = System.nanoTime();
                run(engine, tickets, perThread);
                double micros = (System.nanoTime() - start) / 1_000.0 / (16.0 * perThread);
                System.out.printf(
                        "%-30s %8.1f us per ticket (wall, 16 threads, %d cores)%n",
                        setup.getKey(), micros, Runtime.getRuntime().availableProcessors());
            }
        }
    }

    private static void run(RoutingEngine engine, List<RoutingInput> tickets, int perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < 16; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        engine.route(tickets.get(i % tickets.size()));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
