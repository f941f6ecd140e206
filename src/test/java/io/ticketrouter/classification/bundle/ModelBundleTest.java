package io.ticketrouter.classification.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.classification.BundleException;
import io.ticketrouter.classification.Fixtures;
import io.ticketrouter.classification.Prediction;
import io.ticketrouter.classification.TicketClassifier;
import io.ticketrouter.classification.TicketText;
import io.ticketrouter.classification.data.TicketDataset;
import io.ticketrouter.classification.data.TicketRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelBundleTest {

    private TicketDataset data;
    private ModelBundle trained;

    @BeforeAll
    void train() throws Exception {
        data = Fixtures.smallTickets();
        trained = Fixtures.trainSmall(data).bundle();
    }

    private Path save(Path dir) throws Exception {
        ModelBundles.save(trained, dir, Map.of());
        return dir;
    }

    @Test
    void savedAndLoadedBundlePredictsExactlyAsBefore(@TempDir Path dir) throws Exception {
        TicketClassifier loaded = ModelBundles.load(save(dir));
        assertEquals(trained.version(), loaded.info().version());
        assertEquals(trained.parts().queueThresholds(), loaded.info().queueThresholds());
        for (TicketRecord r : data.records()) {
            TicketText text = new TicketText(r.subject(), r.body(), null);
            Prediction before = trained.classify(text);
            Prediction after = loaded.classify(text);
            assertEquals(before, after);
        }
        assertFalse(loaded.info().provenance().isEmpty());
        assertTrue(loaded.info().evaluation().containsKey("out_of_bag"));
    }

    @Test
    void provenanceAndEvaluationReadBackAsWritten(@TempDir Path dir) throws Exception {
        ModelBundle withTest = trained.withEvaluation(
                trained.evaluation().withTest("test.csv", trained.evaluation().outOfBag()));
        ModelBundles.save(withTest, dir, Map.of());
        ModelBundle loaded = (ModelBundle) ModelBundles.load(dir);
        assertEquals(withTest.provenance(), loaded.provenance());
        assertEquals(withTest.evaluation(), loaded.evaluation());

        Map<String, Object> json = BundleJson.readObject(Files.readString(dir.resolve("evaluation.json")));
        assertEquals(List.of("out_of_bag", "test"), List.copyOf(json.keySet()));
        Map<?, ?> oob = (Map<?, ?>) json.get("out_of_bag");
        assertEquals(
                List.of(
                        "rows",
                        "skipped_rows",
                        "queue",
                        "priority",
                        "per_language",
                        "high_to_low_rate",
                        "low_to_high_rate",
                        "ece",
                        "accuracy_at_coverage",
                        "uncalibrated_ece"),
                List.copyOf(oob.keySet()));
        assertEquals(
                "test.csv", List.copyOf(((Map<?, ?>) json.get("test")).values()).get(0));
        assertEquals(
                List.of(
                        "accuracy",
                        "macro_f1",
                        "weighted_f1",
                        "per_class",
                        "confusion",
                        "ece",
                        "accuracy_at_coverage",
                        "review_thresholds"),
                List.copyOf(((Map<?, ?>) oob.get("queue")).keySet()));
        assertFalse(((Map<?, ?>) oob.get("priority")).containsKey("review_thresholds"));
        assertEquals(json, loaded.info().evaluation());
        assertEquals(
                List.of(
                        "trained_at",
                        "inputs",
                        "rows",
                        "skipped_rows",
                        "parameters",
                        "versions",
                        "training_seconds",
                        "demo"),
                List.copyOf(loaded.info().provenance().keySet()));
    }

    @Test
    void versionDependsOnModelContentNotOnDirectory(@TempDir Path a, @TempDir Path b) throws Exception {
        assertEquals(
                ModelBundles.load(save(a)).info().version(),
                ModelBundles.load(save(b)).info().version());
        assertTrue(trained.version().matches("\\d{8}T\\d{6}Z-[0-9a-f]{10}"), trained.version());
    }

    @Test
    void retrainingWithTheSameSeedsGivesTheSameModel() throws Exception {
        ModelBundle again = Fixtures.trainSmall(data).bundle();
        // The version is trained-at + content hash; the content hash must match.
        assertEquals(
                trained.version().substring(trained.version().indexOf('-')),
                again.version().substring(again.version().indexOf('-')));
    }

    @Test
    void missingDirectoryFailsClearly(@TempDir Path dir) {
        BundleException e = assertThrows(BundleException.class, () -> ModelBundles.load(dir.resolve("none")));
        assertTrue(e.getMessage().startsWith("no model bundle at "), e.getMessage());
        BundleException empty = assertThrows(BundleException.class, () -> ModelBundles.load(dir));
        assertTrue(
                empty.getMessage()
                        .endsWith(
                                "bundle.json: not a model bundle (bundle.json missing; partial or unfinished bundle?)"),
                empty.getMessage());
    }

    @Test
    void partialBundleNamesTheMissingFile(@TempDir Path dir) throws Exception {
        Files.delete(save(dir).resolve("queue-forest.bin.gz"));
        assertLoadFails(dir, message -> message.endsWith("queue-forest.bin.gz: missing (partial bundle?)"));
    }

    @Test
    void corruptFileIsDetectedByChecksum(@TempDir Path dir) throws Exception {
        Path forest = save(dir).resolve("priority-forest.bin.gz");
        byte[] bytes = Files.readAllBytes(forest);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(forest, bytes);
        assertLoadFails(
                dir, message -> message.endsWith("priority-forest.bin.gz: corrupt (SHA-256 differs from bundle.json)"));
    }

    @Test
    void truncatedForestWithMatchingChecksumIsStillRejected(@TempDir Path dir) throws Exception {
        // Someone "repairs" the manifest after truncating a file: the forest reader itself must notice.
        Path forest = save(dir).resolve("queue-forest.bin.gz");
        byte[] bytes = Files.readAllBytes(forest);
        Files.write(forest, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        resealChecksum(dir, "queue-forest.bin.gz");
        assertLoadFails(dir, message -> message.contains("queue-forest.bin.gz: corrupt forest"));
    }

    @Test
    void editedModelFileWithMatchingChecksumDoesNotMatchTheModelVersion(@TempDir Path dir) throws Exception {
        Path thresholds = save(dir).resolve("thresholds.json");
        reseal(
                dir,
                "thresholds.json",
                Files.readString(thresholds).replace("\"target_precision\": 0.8", "\"target_precision\": 0.5"));
        assertLoadFails(
                dir,
                message -> message.contains(
                        "bundle.json: model_version " + trained.version() + " does not match the model files"));
    }

    @Test
    void documentOfAnotherShapeNamesTheFile(@TempDir Path dir) throws Exception {
        Path features = save(dir).resolve("features.json");
        reseal(dir, "features.json", Files.readString(features).replace("\"bigrams\": true", "\"bigrams\": \"yes\""));
        assertLoadFails(dir, message -> message.contains("features.json: unexpected content ("));
    }

    /** Replaces a file and its checksum in the manifest, as someone "repairing" a bundle would. */
    private static void reseal(Path dir, String name, String content) throws Exception {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        resealChecksum(dir, name);
    }

    /** Puts the file's present checksum into the manifest. */
    private static void resealChecksum(Path dir, String name) throws Exception {
        Path manifest = dir.resolve("bundle.json");
        Map<String, Object> m = BundleJson.readObject(Files.readString(manifest));
        @SuppressWarnings("unchecked")
        Map<String, Object> files = (Map<String, Object>) m.get("files");
        files.put(
                name,
                java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(Files.readAllBytes(dir.resolve(name)))));
        Files.writeString(manifest, BundleJson.write(m), StandardCharsets.UTF_8);
    }

    @Test
    void otherFormatVersionIsRefused(@TempDir Path dir) throws Exception {
        Path manifest = save(dir).resolve("bundle.json");
        Files.writeString(
                manifest, Files.readString(manifest).replace("\"format_version\": 1", "\"format_version\": 99"));
        assertLoadFails(
                dir,
                message -> message.contains("bundle format version 99 is not supported (this build reads version 1"));
    }

    @Test
    void manifestThatIsNotJsonIsReported(@TempDir Path dir) throws Exception {
        Files.writeString(save(dir).resolve("bundle.json"), "{\"format_version\": 1,");
        assertLoadFails(dir, message -> message.contains("bundle.json: not valid JSON"));
    }

    @Test
    void predictionIsWellFormed() {
        Prediction p = trained.classify(TicketText.of(
                "Rechnung doppelt", "Meine Rechnung wurde doppelt abgebucht, bitte erstatten Sie die Zahlung."));
        assertEquals("de", p.language());
        assertEquals("Billing", p.queue().label());
        assertSumsToOne(p.queueProbabilities());
        assertSumsToOne(p.priorityProbabilities());
        assertEquals(
                p.queue().label(), p.queueProbabilities().keySet().iterator().next());
        assertFalse(p.keywords().isEmpty());
        assertTrue(p.keywords().stream().allMatch(k -> k.weight() > 0));
        assertTrue(
                p.keywords().stream().anyMatch(k -> k.term().startsWith("rechnung")),
                p.keywords().toString());
    }

    private static void assertSumsToOne(Map<String, Double> probabilities) {
        assertEquals(
                1.0,
                probabilities.values().stream().mapToDouble(Double::doubleValue).sum(),
                1e-9);
    }

    /** Loading the bundle in dir fails, and the failure's message is the expected one. */
    private static void assertLoadFails(Path dir, Predicate<String> expectedMessage) {
        String message = assertThrows(BundleException.class, () -> ModelBundles.load(dir))
                .getMessage();
        assertTrue(expectedMessage.test(message), message);
    }
}
