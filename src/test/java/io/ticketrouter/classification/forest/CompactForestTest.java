package io.ticketrouter.classification.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.classification.Fixtures;
import io.ticketrouter.classification.TicketText;
import io.ticketrouter.classification.data.TicketDataset;
import io.ticketrouter.classification.data.TicketRecord;
import io.ticketrouter.classification.features.FeatureOptions;
import io.ticketrouter.classification.features.SparseVector;
import io.ticketrouter.classification.features.TermExtractor;
import io.ticketrouter.classification.features.TfidfVectorizer;
import io.ticketrouter.classification.features.VocabularyFitter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import weka.core.Instance;

class CompactForestTest {

    /** The small tickets as TF-IDF rows for the queue target, the vocabulary fitted to them. */
    private record QueueRows(
            List<String> queues, int[] classes, TfidfVectorizer vectorizer, int[] features, List<SparseVector> rows) {

        static QueueRows ofSmallTickets(boolean bigrams, int maxFeatures) throws Exception {
            TicketDataset data = Fixtures.smallTickets();
            List<String> queues = data.records().stream()
                    .map(TicketRecord::queue)
                    .distinct()
                    .sorted()
                    .toList();
            TermExtractor extractor = new TermExtractor(new FeatureOptions(1, bigrams, 0, false, false));
            List<Map<String, Integer>> docs = data.records().stream()
                    .map(r -> extractor
                            .extract(new TicketText(r.subject(), r.body(), r.language()))
                            .counts())
                    .toList();
            int[] classes = data.records().stream()
                    .mapToInt(r -> queues.indexOf(r.queue()))
                    .toArray();
            VocabularyFitter.Fitted fitted = new VocabularyFitter(1, 1.0)
                    .fit(docs, Map.of("queue", new VocabularyFitter.Target(classes, queues.size(), maxFeatures)));
            TfidfVectorizer vectorizer = fitted.vectorizer();
            return new QueueRows(
                    queues,
                    classes,
                    vectorizer,
                    fitted.featuresPerTarget().get("queue"),
                    docs.stream().map(vectorizer::transform).toList());
        }

        WekaForestTrainer.Trained train(ForestParameters parameters) throws Exception {
            return new WekaForestTrainer(parameters).train(rows, classes, queues, features);
        }
    }

    @Test
    void compactForestPredictsExactlyWhatWekaPredicts() throws Exception {
        QueueRows prepared = QueueRows.ofSmallTickets(true, 150);
        TfidfVectorizer vectorizer = prepared.vectorizer();
        List<SparseVector> rows = prepared.rows();
        int[] features = prepared.features();

        WekaForestTrainer.Trained trained = prepared.train(new ForestParameters(25, 0, 0, 1, 7, true, 2, 0));

        // Round trip through the binary format too: the loaded forest must predict the same.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        trained.forest().write(new DataOutputStream(bytes));
        CompactForest loaded = CompactForest.read(
                new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), vectorizer.size());

        for (SparseVector row : rows) {
            Instance instance = WekaForestTrainer.wekaInstance(trained.header(), row, features);
            double[] weka = trained.weka().distributionForInstance(instance);
            double[] x = new double[vectorizer.size()];
            row.scatter(x);
            assertArrayEquals(weka, trained.forest().distribution(x), 0.0, "bit-for-bit");
            assertArrayEquals(weka, loaded.distribution(x), 0.0, "bit-for-bit after write/read");
        }
    }

    @Test
    void contributionsAddUpToThePrediction() throws Exception {
        QueueRows prepared = QueueRows.ofSmallTickets(false, 100);
        CompactForest forest =
                prepared.train(new ForestParameters(10, 0, 0, 1, 3, true, 1, 0)).forest();
        double[] x = new double[prepared.vectorizer().size()];
        prepared.rows().get(0).scatter(x);
        double[] p = forest.distribution(x);
        int target = 0;
        double[] contributions = new double[x.length];
        forest.contributions(x, target, contributions);
        double sum = 0;
        for (double c : contributions) {
            sum += c;
        }
        // Saabas: root value + path contributions = prediction (per tree, hence for the average).
        double root = forest.rootValue(target);
        assertEquals(p[target], root + sum, 1e-9);
    }

    @Test
    void beyondTheBagRowsEachTreeIsBuiltOnASampleOfThatSize() throws Exception {
        QueueRows prepared = QueueRows.ofSmallTickets(false, 100);
        int rows = prepared.rows().size();
        int bagRows = rows / 4;
        WekaForestTrainer.Trained sampled = prepared.train(new ForestParameters(20, 0, 0, 1, 5, true, 2, bagRows));
        WekaForestTrainer.Trained whole = prepared.train(new ForestParameters(20, 0, 0, 1, 5, true, 2, rows));

        int percent = new ForestParameters(20, 0, 0, 1, 5, true, 2, bagRows).bagSizePercent(rows);
        int draws = (int) (rows * percent / 100.0);
        for (boolean[] tree : sampled.inBag()) {
            int in = 0;
            for (boolean b : tree) {
                in += b ? 1 : 0;
            }
            // a bag draws with replacement, so it holds at most its draws and at least one row
            assertTrue(in >= 1 && in <= draws, in + " rows in a bag of " + draws + " draws");
        }
        long sampledInBag = inBagTotal(sampled);
        long wholeInBag = inBagTotal(whole);
        assertTrue(
                sampledInBag * 2 < wholeInBag,
                "sampled bags hold " + sampledInBag + " rows in all, full bags " + wholeInBag);
        assertTrue(sampled.forest().numNodes() < whole.forest().numNodes(), "trees on samples are smaller");
        // every row still has out-of-bag trees to judge it
        double[][] oob = sampled.outOfBag(prepared.rows(), prepared.vectorizer().size());
        assertEquals(rows, oob.length);
    }

    @Test
    void bagRowsChangeNothingUpToTheirNumberAndAreAShareOfTheRowsBeyond() {
        ForestParameters p = new ForestParameters(100, 0, 0, 2, 42, true, 0, 8000);
        assertEquals(100, p.bagSizePercent(4000));
        assertEquals(100, p.bagSizePercent(8000));
        assertEquals(25, p.bagSizePercent(32000));
        assertEquals(1, p.bagSizePercent(10_000_000));
        assertEquals(100, new ForestParameters(100, 0, 0, 2, 42, true, 0, 0).bagSizePercent(1_000_000));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new ForestParameters(100, 0, 0, 2, 42, true, 0, -1));
        assertEquals("rows per tree must be 0 (all rows) or positive, got -1", e.getMessage());
    }

    private static long inBagTotal(WekaForestTrainer.Trained trained) {
        long n = 0;
        for (boolean[] tree : trained.inBag()) {
            for (boolean b : tree) {
                n += b ? 1 : 0;
            }
        }
        return n;
    }
}
