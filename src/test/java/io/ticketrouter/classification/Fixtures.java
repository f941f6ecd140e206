package io.ticketrouter.classification;

import io.ticketrouter.classification.data.TicketCsvReader;
import io.ticketrouter.classification.data.TicketDataset;
import io.ticketrouter.classification.features.FeatureOptions;
import io.ticketrouter.classification.forest.ForestParameters;
import io.ticketrouter.classification.training.BundleTrainer;
import io.ticketrouter.classification.training.ProgressListener;
import io.ticketrouter.classification.training.TrainingParameters;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Test data of our own making (src/test/resources/fixtures) and small, fast training settings. */
public final class Fixtures {

    private Fixtures() {}

    public static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test fixture " + name + " missing", e);
        }
    }

    public static TicketDataset smallTickets() throws Exception {
        return TicketCsvReader.read(resource("tickets-small.csv"));
    }

    /** Small forests so tests stay fast; same pipeline as the defaults. */
    public static TrainingParameters smallParameters() {
        return new TrainingParameters(
                new FeatureOptions(2, true, 0, true, true),
                1,
                1.0,
                300,
                100,
                300,
                io.ticketrouter.classification.features.ClassScores.Method.NAIVE_BAYES,
                new ForestParameters(15, 0, 0, 1, 1, true, 2, 0),
                new ForestParameters(15, 0, 0, 1, 2, true, 2, 0),
                0.8);
    }

    public static BundleTrainer.Result trainSmall(TicketDataset data) throws Exception {
        return new BundleTrainer(smallParameters(), ProgressListener.NONE).train(data);
    }

    /**
     * The shared (CC BY-NC, never committed) data directory: $TICKET_ROUTER_SHARED_DATA or ../shared/data
     * relative to the repository root. Without it the calling test is skipped with a message, except
     * in CI (CI=true), where its absence is a failure.
     */
    public static Path sharedData() {
        String configured = System.getenv("TICKET_ROUTER_SHARED_DATA");
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..", "shared", "data");
        boolean present = Files.isRegularFile(dir.resolve("split").resolve("train.csv"));
        if (!present) {
            String message = "shared data not found at " + dir.toAbsolutePath().normalize()
                    + " (set TICKET_ROUTER_SHARED_DATA); test skipped";
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
        }
        return dir;
    }

    public static List<String> languages() {
        return List.of("en", "de", "es", "fr", "pt");
    }
}
