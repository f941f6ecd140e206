package io.ticketrouter.classification.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.classification.Fixtures;
import io.ticketrouter.classification.bundle.BundleJson;
import io.ticketrouter.classification.bundle.ModelBundle;
import io.ticketrouter.classification.bundle.ModelBundles;
import io.ticketrouter.classification.data.TicketCsvReader;
import io.ticketrouter.classification.data.TicketDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Train → save → load → evaluate on small data: the whole pipeline gives sane figures. */
class EndToEndTest {

    @Test
    void trainOnFixtureAndEvaluateHeldOutRows(@TempDir Path dir) throws Exception {
        TicketDataset all = Fixtures.smallTickets();
        int cut = all.size() * 3 / 4;
        TicketDataset train = new TicketDataset(all.records().subList(0, cut), Map.of(), all.sources());
        TicketDataset test =
                new TicketDataset(all.records().subList(cut, all.size()), Map.of("empty body", 2), all.sources());

        ModelBundle bundle = Fixtures.trainSmall(train).bundle();
        ModelBundles.save(bundle, dir, Map.of());
        EvaluationReport report = ClassifierEvaluator.evaluate(ModelBundles.load(dir), test, n -> {});
        // The figures as evaluation.json and evaluate --json carry them.
        Map<String, Object> figures = BundleJson.toMap(report);

        assertEquals(test.size(), figures.get("rows"));
        assertEquals(2, figures.get("skipped_rows"));
        Map<?, ?> queue = (Map<?, ?>) figures.get("queue");
        Map<?, ?> priority = (Map<?, ?>) figures.get("priority");
        // Three clearly separated queues and explicit urgency phrases: far above chance (1/3).
        assertTrue(((Number) queue.get("accuracy")).doubleValue() >= 0.8, "queue accuracy " + queue.get("accuracy"));
        assertTrue(((Number) queue.get("macro_f1")).doubleValue() >= 0.7, "queue macro-F1 " + queue.get("macro_f1"));
        assertTrue(
                ((Number) priority.get("accuracy")).doubleValue() >= 0.6,
                "priority accuracy " + priority.get("accuracy"));
        for (String key : List.of(
                "accuracy", "macro_f1", "weighted_f1", "per_class", "confusion", "ece", "accuracy_at_coverage")) {
            assertTrue(queue.containsKey(key) && priority.containsKey(key), key);
        }
        for (String key :
                List.of("per_language", "high_to_low_rate", "low_to_high_rate", "ece", "rows", "skipped_rows")) {
            assertTrue(figures.containsKey(key), key);
        }
        Map<?, ?> perClass = (Map<?, ?>) queue.get("per_class");
        assertEquals(3, perClass.size());
        Map<?, ?> billing = (Map<?, ?>) perClass.get("Billing");
        assertTrue(billing.keySet().containsAll(List.of("precision", "recall", "f1", "support")));
        List<?> matrix = (List<?>) ((Map<?, ?>) queue.get("confusion")).get("matrix");
        long total = matrix.stream()
                .flatMap(r -> ((List<?>) r).stream())
                .mapToLong(v -> ((Number) v).longValue())
                .sum();
        assertEquals(test.size(), total);
        double ece = ((Number) queue.get("ece")).doubleValue();
        assertTrue(ece >= 0 && ece <= 1);
        assertEquals(7, ((List<?>) queue.get("accuracy_at_coverage")).size());
        assertTrue(((Map<?, ?>) figures.get("per_language")).keySet().containsAll(Fixtures.languages()));

        // evaluation.json round-trips as JSON.
        assertTrue(BundleJson.readObject(Files.readString(dir.resolve("evaluation.json")))
                .containsKey("out_of_bag"));
    }

    /** data/sample/tickets.csv is part of the repository (data/sample/generate.py), so it is always there. */
    @Test
    void sampleDataSetTrains(@TempDir Path dir) throws Exception {
        Path sample = Path.of("data", "sample", "tickets.csv");
        assertTrue(Files.isRegularFile(sample), "no " + sample.toAbsolutePath() + " (committed with the repository)");
        TicketDataset data = TicketCsvReader.read(sample);
        ModelBundle bundle = Fixtures.trainSmall(data).bundle();
        ModelBundles.save(bundle, dir, Map.of());
        EvaluationReport figures = ClassifierEvaluator.evaluate(ModelBundles.load(dir), data, n -> {});
        // Training rows, so only a sanity check: well above chance on 10 queues.
        assertTrue(figures.queue().accuracy() > 0.5);
    }
}
