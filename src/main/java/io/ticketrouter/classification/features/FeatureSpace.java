package io.ticketrouter.classification.features;

import io.ticketrouter.classification.TicketText;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The fitted input space of both forests and the one place that knows its layout. With {@code v} vocabulary terms,
 * {@code q} queues and {@code p} priorities, feature
 * <pre>
 * [0, v)              is the TF-IDF weight of vocabulary term i
 * [v, v + q)          is the class score of queue i - v           (only with class scores)
 * [v + q, v + q + p)  is the class score of priority i - v - q    (only with class scores)
 * </pre>
 * Training builds it from the fitted vectorizer and class scores and encodes its rows through it; prediction encodes
 * each ticket through the same object read back from the bundle. Immutable and thread-safe.
 */
public final class FeatureSpace {

    /** A ticket in this space: its terms, their TF-IDF vector and the dense forest input over all features. */
    public record Encoded(TermExtractor.Terms terms, SparseVector tfidf, double[] input) {}

    private final FeatureOptions options;
    private final TermExtractor extractor;
    private final TfidfVectorizer vectorizer;
    private final List<String> queues;
    private final List<String> priorities;
    private final ClassScores queueScores;
    private final ClassScores priorityScores;
    private final int width;

    /**
     * @param queueScores    queue class scores; null exactly when {@code options} has no class scores
     * @param priorityScores priority class scores; null exactly when {@code options} has no class scores
     * @throws IllegalArgumentException when the parts do not fit together (class or term counts differ)
     */
    public FeatureSpace(
            FeatureOptions options,
            TfidfVectorizer vectorizer,
            List<String> queues,
            List<String> priorities,
            ClassScores queueScores,
            ClassScores priorityScores) {
        if (options.classScores() != (queueScores != null) || options.classScores() != (priorityScores != null)) {
            throw new IllegalArgumentException("class scores are " + (options.classScores() ? "on" : "off") + " but "
                    + (queueScores == null ? "not " : "") + "given");
        }
        if (queueScores != null) {
            check(queueScores, queues, vectorizer, "queue");
            check(priorityScores, priorities, vectorizer, "priority");
        }
        this.options = options;
        this.extractor = new TermExtractor(options);
        this.vectorizer = vectorizer;
        this.queues = List.copyOf(queues);
        this.priorities = List.copyOf(priorities);
        this.queueScores = queueScores;
        this.priorityScores = priorityScores;
        this.width = vectorizer.size() + (queueScores == null ? 0 : queues.size() + priorities.size());
    }

    private static void check(ClassScores scores, List<String> labels, TfidfVectorizer vectorizer, String target) {
        if (scores.numClasses() != labels.size() || scores.vocabularySize() != vectorizer.size()) {
            throw new IllegalArgumentException(target + " class scores cover " + scores.numClasses() + " classes x "
                    + scores.vocabularySize() + " terms, expected " + labels.size() + " x " + vectorizer.size());
        }
    }

    /** The ticket's terms, TF-IDF vector and forest input, as training saw its rows. */
    public Encoded encode(TicketText ticket) {
        TermExtractor.Terms terms = extractor.extract(ticket);
        SparseVector tfidf = vectorizer.transform(terms.counts());
        double[] input = new double[width];
        tfidf.scatter(input);
        if (queueScores != null) {
            double[] qs = queueScores.scores(tfidf);
            double[] ps = priorityScores.scores(tfidf);
            System.arraycopy(qs, 0, input, vectorizer.size(), qs.length);
            System.arraycopy(ps, 0, input, vectorizer.size() + qs.length, ps.length);
        }
        return new Encoded(terms, tfidf, input);
    }

    /**
     * A training row: the TF-IDF vector with the given class scores after the vocabulary (cross-fitted ones, so the
     * forest learns how far to trust scores of unseen tickets). Without class scores, the TF-IDF vector itself.
     */
    public SparseVector trainingRow(SparseVector tfidf, double[] queueScores, double[] priorityScores) {
        if (this.queueScores == null) {
            return tfidf;
        }
        int n = tfidf.indices().length;
        int[] idx = Arrays.copyOf(tfidf.indices(), n + queueScores.length + priorityScores.length);
        double[] val = Arrays.copyOf(tfidf.values(), idx.length);
        for (int i = 0; i < queueScores.length; i++) {
            idx[n + i] = vectorizer.size() + i;
            val[n + i] = queueScores[i];
        }
        for (int i = 0; i < priorityScores.length; i++) {
            idx[n + queueScores.length + i] = vectorizer.size() + queueScores.length + i;
            val[n + queueScores.length + i] = priorityScores[i];
        }
        return new SparseVector(idx, val);
    }

    /** The features a forest may split on: the given vocabulary terms and every class score. */
    public int[] forestFeatures(int[] terms) {
        return IntStream.concat(Arrays.stream(terms), IntStream.range(vectorizer.size(), width))
                .toArray();
    }

    /**
     * Hands the contributions of the class-score features on to the ticket's terms: a score sums the evidence of all
     * of them, so each term gets its share of the score (positive contributions go to terms that raised the score,
     * negative ones to terms that lowered it). {@code contributions} is indexed by feature; nothing happens without
     * class scores.
     */
    public void creditScoresToTerms(SparseVector tfidf, double[] contributions) {
        if (queueScores == null) {
            return;
        }
        int v = vectorizer.size();
        int[] idx = tfidf.indices();
        double[] val = tfidf.values();
        for (int s = v; s < width; s++) {
            double c = contributions[s];
            if (c == 0) {
                continue;
            }
            boolean queue = s - v < queues.size();
            ClassScores scores = queue ? queueScores : priorityScores;
            int cls = queue ? s - v : s - v - queues.size();
            double sign = Math.signum(c);
            double total = 0;
            for (int k = 0; k < idx.length; k++) {
                total += Math.max(0, sign * val[k] * scores.weight(cls, idx[k]));
            }
            if (total > 0) {
                for (int k = 0; k < idx.length; k++) {
                    contributions[idx[k]] += c * Math.max(0, sign * val[k] * scores.weight(cls, idx[k])) / total;
                }
            }
        }
    }

    /** Number of features: vocabulary plus class scores. */
    public int width() {
        return width;
    }

    /** Name of a feature: its vocabulary term, or "queue score: &lt;queue&gt;" / "priority score: &lt;priority&gt;". */
    public String featureName(int feature) {
        if (feature < vectorizer.size()) {
            return vectorizer.term(feature);
        }
        int s = feature - vectorizer.size();
        return s < queues.size()
                ? "queue score: " + queues.get(s)
                : "priority score: " + priorities.get(s - queues.size());
    }

    public FeatureOptions options() {
        return options;
    }

    public TfidfVectorizer vectorizer() {
        return vectorizer;
    }

    /** Queue labels in class-index order. */
    public List<String> queues() {
        return queues;
    }

    /** Priority labels in class-index order. */
    public List<String> priorities() {
        return priorities;
    }

    /** Queue class scores, or null without class scores. */
    public ClassScores queueScores() {
        return queueScores;
    }

    /** Priority class scores, or null without class scores. */
    public ClassScores priorityScores() {
        return priorityScores;
    }
}
