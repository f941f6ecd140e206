package io.ticketrouter.routing;

import io.ticketrouter.classification.Prediction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The example and fixture plugin jars that the build makes (plugins/, built under target/plugins), and tickets. */
final class TestPlugins {

    static final String ROUTING_EXAMPLE = "examples/vip-invoice-routing";
    static final String GDPR_EXAMPLE = "examples/gdpr-keywords";
    static final String BAD_SERVICE_ENTRY = "test-fixtures/bad-service-entry";
    static final String THROWING = "test-fixtures/throwing-plugins";
    static final String HANGING = "test-fixtures/hanging-rule";

    static final List<String> QUEUES = List.of(
            "Technical Support",
            "Billing and Payments",
            "Customer Service",
            "Product Support",
            "IT Support",
            "Returns and Exchanges",
            "Sales and Pre-Sales",
            "Human Resources",
            "Service Outages and Maintenance",
            "General Inquiry");

    private TestPlugins() {}

    /** The jar built from plugins/{@code project}. */
    static Path jar(String project) {
        Path target = Path.of(System.getProperty("basedir", "."), "target", "plugins", project, "target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.toString().endsWith(".jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no jar in " + target + ": run mvn verify"));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "plugin jars are built by the root build (maven-invoker-plugin) into "
                            + "target/plugins; run mvn verify first",
                    e);
        }
    }

    /** A plugin directory holding copies of the given projects' jars. */
    static Path directoryWith(Path dir, String... projects) throws IOException {
        Files.createDirectories(dir);
        for (String project : projects) {
            Path jar = jar(project);
            Files.copy(jar, dir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }

    /** A prediction for {@code queue} with the given confidence; the review threshold is 0.5. */
    static Prediction prediction(String language, String queue, double confidence, String priority) {
        Map<String, Double> queues = new LinkedHashMap<>();
        queues.put(queue, confidence);
        double rest = (1 - confidence) / (QUEUES.size() - 1);
        QUEUES.stream().filter(q -> !q.equals(queue)).forEach(q -> queues.put(q, rest));
        Map<String, Double> priorities = new LinkedHashMap<>();
        priorities.put(priority, 0.6);
        Stream.of("high", "medium", "low").filter(p -> !p.equals(priority)).forEach(p -> priorities.put(p, 0.2));
        return new Prediction(
                language,
                new Prediction.Label(queue, confidence),
                new Prediction.Label(priority, 0.6),
                queues,
                priorities,
                List.of(new Prediction.Keyword("printer", 0.3)),
                0.5,
                "test-model");
    }

    static RoutingInput ticket(String language, String subject, String body) {
        return new RoutingInput(subject, body, null, prediction(language, "Technical Support", 0.8, "medium"));
    }
}
