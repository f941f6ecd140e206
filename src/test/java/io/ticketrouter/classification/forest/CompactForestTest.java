package io.ticketrouter.classification.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

        WekaForestTrainer.Trained trained = prepared.train(new ForestParameters(25, 0, 0, 1, 7, true, 2));

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
                prepared.train(new ForestParameters(10, 0, 0, 1, 3, true, 1)).forest();
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
}
