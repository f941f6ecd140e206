package io.ticketrouter.classification.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ticketrouter.classification.TicketText;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureSpaceTest {

    private static final FeatureOptions WITH_SCORES = new FeatureOptions(1, false, 0, false, true);
    private static final FeatureOptions WITHOUT_SCORES = new FeatureOptions(1, false, 0, false, false);
    private static final List<String> QUEUES = List.of("Billing", "Technical");
    private static final List<String> PRIORITIES = List.of("high", "medium", "low");

    private static final TicketText[] TICKETS = {
        new TicketText("Invoice", "invoice charged twice refund", "en"),
        new TicketText("Server down", "server error crash login", "en"),
        new TicketText("Refund", "refund invoice payment", "en"),
        new TicketText("Crash", "crash server urgent", "en")
    };

    private static TfidfVectorizer vectorizer() {
        List<String> terms = List.of(
                "charged", "crash", "error", "invoice", "login", "payment", "refund", "server", "twice", "urgent");
        double[] idf = new double[terms.size()];
        java.util.Arrays.fill(idf, 1.5);
        return new TfidfVectorizer(terms, idf);
    }

    private static FeatureSpace withScores() {
        TfidfVectorizer v = vectorizer();
        TermExtractor extractor = new TermExtractor(WITH_SCORES);
        List<SparseVector> rows = java.util.Arrays.stream(TICKETS)
                .map(t -> v.transform(extractor.extract(t).counts()))
                .toList();
        return new FeatureSpace(
                WITH_SCORES,
                v,
                QUEUES,
                PRIORITIES,
                ClassScores.fit(rows, new int[] {0, 1, 0, 1}, 2, v.size(), null),
                ClassScores.fit(rows, new int[] {2, 1, 1, 0}, 3, v.size(), null));
    }

    @Test
    void layoutIsVocabularyThenQueueScoresThenPriorityScores() {
        FeatureSpace space = withScores();
        assertEquals(10 + 2 + 3, space.width());
        assertEquals("charged", space.featureName(0));
        assertEquals("urgent", space.featureName(9));
        assertEquals("queue score: Billing", space.featureName(10));
        assertEquals("queue score: Technical", space.featureName(11));
        assertEquals("priority score: high", space.featureName(12));
        assertEquals("priority score: low", space.featureName(14));
        assertArrayEquals(new int[] {3, 6, 10, 11, 12, 13, 14}, space.forestFeatures(new int[] {3, 6}));

        SparseVector row = space.trainingRow(
                new SparseVector(new int[] {1, 4}, new double[] {0.6, 0.8}),
                new double[] {-1, 1},
                new double[] {0.5, 0.25, 0.125});
        assertArrayEquals(new int[] {1, 4, 10, 11, 12, 13, 14}, row.indices());
        assertArrayEquals(new double[] {0.6, 0.8, -1, 1, 0.5, 0.25, 0.125}, row.values());
    }

    @Test
    void predictionEncodesATicketAsTrainingEncodesItsRow() {
        FeatureSpace space = withScores();
        for (TicketText t : TICKETS) {
            FeatureSpace.Encoded e = space.encode(t);
            SparseVector row = space.trainingRow(
                    e.tfidf(),
                    space.queueScores().scores(e.tfidf()),
                    space.priorityScores().scores(e.tfidf()));
            double[] dense = new double[space.width()];
            row.scatter(dense);
            assertArrayEquals(dense, e.input(), 0.0);
        }
    }

    @Test
    void withoutClassScoresTheSpaceIsTheVocabulary() {
        FeatureSpace space = new FeatureSpace(WITHOUT_SCORES, vectorizer(), QUEUES, PRIORITIES, null, null);
        assertEquals(10, space.width());
        assertArrayEquals(new int[] {2, 5}, space.forestFeatures(new int[] {2, 5}));
        SparseVector tfidf = new SparseVector(new int[] {1}, new double[] {1.0});
        assertEquals(tfidf, space.trainingRow(tfidf, new double[0], new double[0]));
        double[] contributions = {0, 0.5, 0, 0, 0, 0, 0, 0, 0, 0};
        space.creditScoresToTerms(tfidf, contributions);
        assertEquals(0.5, contributions[1]);
        assertEquals(10, space.encode(TICKETS[0]).input().length);
    }

    @Test
    void scoreContributionsGoToTheTermsThatMadeTheScore() {
        FeatureSpace space = withScores();
        FeatureSpace.Encoded e = space.encode(TICKETS[0]);
        double[] contributions = new double[space.width()];
        contributions[10] = 0.3; // queue score: Billing
        space.creditScoresToTerms(e.tfidf(), contributions);
        double terms = 0;
        for (int f : e.tfidf().indices()) {
            terms += contributions[f];
        }
        assertEquals(0.3, terms, 1e-12);
    }

    @Test
    void partsThatDoNotFitAreRefused() {
        FeatureSpace space = withScores();
        assertThrows(
                IllegalArgumentException.class,
                () -> new FeatureSpace(WITH_SCORES, vectorizer(), QUEUES, PRIORITIES, null, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new FeatureSpace(
                        WITHOUT_SCORES, vectorizer(), QUEUES, PRIORITIES, space.queueScores(), space.priorityScores()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new FeatureSpace(
                        WITH_SCORES,
                        vectorizer(),
                        List.of("Billing", "Technical", "Sales"),
                        PRIORITIES,
                        space.queueScores(),
                        space.priorityScores()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new FeatureSpace(
                        WITH_SCORES,
                        new TfidfVectorizer(List.of("a"), new double[] {1}),
                        QUEUES,
                        PRIORITIES,
                        space.queueScores(),
                        space.priorityScores()));
    }
}
