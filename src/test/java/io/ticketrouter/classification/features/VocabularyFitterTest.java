package io.ticketrouter.classification.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VocabularyFitterTest {

    private static final List<Map<String, Integer>> TRAIN = List.of(
            Map.of("invoice", 2, "refund", 1),
            Map.of("invoice", 1, "payment", 1),
            Map.of("server", 1, "crash", 1),
            Map.of("server", 2, "error", 1, "invoice", 1));

    @Test
    void idfComesFromTrainingRowsOnly() {
        VocabularyFitter.Fitted fitted = new VocabularyFitter(1, 1.0)
                .fit(TRAIN, Map.of("queue", new VocabularyFitter.Target(new int[] {0, 0, 1, 1}, 2, 100)));
        TfidfVectorizer v = fitted.vectorizer();
        // "invoice" is in 3 of 4 training rows: smoothed idf = ln(5/4) + 1.
        assertEquals(Math.log(5.0 / 4.0) + 1, v.idf(v.indexOf("invoice")), 1e-12);
        assertEquals(Math.log(5.0 / 3.0) + 1, v.idf(v.indexOf("server")), 1e-12);

        // Transforming other rows neither adds their terms nor changes any IDF.
        double[] before = v.idf();
        SparseVector x = v.transform(Map.of("printer", 3, "invoice", 1));
        assertEquals(-1, v.indexOf("printer"));
        assertArrayEquals(before, v.idf());
        assertArrayEquals(new int[] {v.indexOf("invoice")}, x.indices());
        assertEquals(1.0, x.values()[0], 1e-12, "single known term, L2-normalised");
    }

    @Test
    void chiSquareKeepsTheMostClassSpecificTerms() {
        VocabularyFitter.Fitted fitted = new VocabularyFitter(1, 1.0)
                .fit(TRAIN, Map.of("queue", new VocabularyFitter.Target(new int[] {0, 0, 1, 1}, 2, 1)));
        assertEquals(1, fitted.featuresPerTarget().get("queue").length);
        String kept = fitted.vectorizer().term(fitted.featuresPerTarget().get("queue")[0]);
        assertTrue(kept.equals("server") || kept.equals("invoice"), kept);
    }

    @Test
    void documentFrequencyLimitsApply() {
        VocabularyFitter.Fitted fitted = new VocabularyFitter(2, 0.7)
                .fit(TRAIN, Map.of("queue", new VocabularyFitter.Target(new int[] {0, 0, 1, 1}, 2, 100)));
        // invoice: 3/4 rows > 0.7; refund, payment, crash, error: 1 row < 2.
        assertEquals(List.of("server"), fitted.vectorizer().terms());
    }

    @Test
    void aTableOfTermNumbersGivesTheSameVocabularyAndVectorsAsTheRowsThemselves() {
        Map<String, VocabularyFitter.Target> targets =
                Map.of("queue", new VocabularyFitter.Target(new int[] {0, 0, 1, 1}, 2, 100));
        TermTable table = new TermTable(TRAIN.size());
        // filled out of order, as the training threads do
        for (int r = TRAIN.size() - 1; r >= 0; r--) {
            table.put(r, TRAIN.get(r));
        }
        VocabularyFitter.Fitted fitted = new VocabularyFitter(1, 1.0).fit(table, targets);
        TfidfVectorizer v = fitted.vectorizer();
        assertEquals(List.of("crash", "error", "invoice", "payment", "refund", "server"), v.terms());
        assertEquals(9, table.occurrences());
        List<SparseVector> vectors = table.vectors(v);
        for (int r = 0; r < TRAIN.size(); r++) {
            SparseVector expected = v.transform(TRAIN.get(r));
            assertArrayEquals(expected.indices(), vectors.get(r).indices());
            assertArrayEquals(expected.values(), vectors.get(r).values(), 0.0);
        }
    }
}
