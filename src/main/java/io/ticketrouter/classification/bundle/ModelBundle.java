package io.ticketrouter.classification.bundle;

import io.ticketrouter.classification.ModelInfo;
import io.ticketrouter.classification.Prediction;
import io.ticketrouter.classification.TicketClassifier;
import io.ticketrouter.classification.TicketText;
import io.ticketrouter.classification.calibration.ConfidenceCalibrator;
import io.ticketrouter.classification.features.ClassScores;
import io.ticketrouter.classification.features.FeatureOptions;
import io.ticketrouter.classification.features.SparseVector;
import io.ticketrouter.classification.features.TermExtractor;
import io.ticketrouter.classification.features.TfidfVectorizer;
import io.ticketrouter.classification.forest.CompactForest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained classifier: term extraction settings, the fitted TF-IDF vectorizer, both compact forests,
 * their calibration and the queue review thresholds. Classification runs language detection,
 * tokenization, TF-IDF, both forests and the decision-path explanation in-process, without Weka.
 * Immutable and thread-safe (per-call state lives on the stack).
 */
public final class ModelBundle implements TicketClassifier {

    /** Number of keywords reported per prediction. */
    static final int KEYWORDS = 5;

    private final FeatureOptions options;
    private final TermExtractor extractor;
    private final TfidfVectorizer vectorizer;
    private final ClassScores queueScores;
    private final ClassScores priorityScores;
    private final int width;
    private final CompactForest queueForest;
    private final CompactForest priorityForest;
    private final ConfidenceCalibrator queueCalibration;
    private final ConfidenceCalibrator priorityCalibration;
    private final Map<String, Double> queueThresholds;
    private final double targetPrecision;
    private final String version;
    private final Instant trainedAt;
    private final Map<String, Object> provenance;
    private final Map<String, Object> evaluation;
    private final Path directory;

    ModelBundle(FeatureOptions options, TfidfVectorizer vectorizer, ClassScores queueScores, ClassScores priorityScores,
                CompactForest queueForest, CompactForest priorityForest,
                ConfidenceCalibrator queueCalibration, ConfidenceCalibrator priorityCalibration, Map<String, Double> queueThresholds,
                double targetPrecision, String version, Instant trainedAt, Map<String, Object> provenance,
                Map<String, Object> evaluation, Path directory) {
        this.options = options;
        this.extractor = new TermExtractor(options);
        this.vectorizer = vectorizer;
        this.queueScores = queueScores;
        this.priorityScores = priorityScores;
        this.width = featureWidth(vectorizer, queueScores, priorityScores);
        this.queueForest = queueForest;
        this.priorityForest = priorityForest;
        this.queueCalibration = queueCalibration;
        this.priorityCalibration = priorityCalibration;
        this.queueThresholds = Collections.unmodifiableMap(new LinkedHashMap<>(queueThresholds));
        this.targetPrecision = targetPrecision;
        this.version = version;
        this.trainedAt = trainedAt;
        this.provenance = provenance;
        this.evaluation = evaluation;
        this.directory = directory;
    }

    /** Creates a bundle from freshly trained parts (used by the trainer); the version is derived from the model content. */
    public static ModelBundle of(FeatureOptions options, TfidfVectorizer vectorizer, ClassScores queueScores,
                                 ClassScores priorityScores, CompactForest queueForest,
                                 CompactForest priorityForest, ConfidenceCalibrator queueCalibration,
                                 ConfidenceCalibrator priorityCalibration, Map<String, Double> queueThresholds,
                                 double targetPrecision, Instant trainedAt, Map<String, Object> provenance,
                                 Map<String, Object> evaluation) {
        ModelBundle draft = new ModelBundle(options, vectorizer, queueScores, priorityScores, queueForest, priorityForest, queueCalibration,
                priorityCalibration, queueThresholds, targetPrecision, "", trainedAt, provenance, evaluation, null);
        String version = BundleFiles.version(trainedAt, BundleFiles.modelFiles(draft));
        return draft.with(version, evaluation, null);
    }

    ModelBundle with(String newVersion, Map<String, Object> newEvaluation, Path newDirectory) {
        return new ModelBundle(options, vectorizer, queueScores, priorityScores, queueForest, priorityForest, queueCalibration, priorityCalibration,
                queueThresholds, targetPrecision, newVersion, trainedAt, provenance, newEvaluation, newDirectory);
    }

    /** The same bundle with other evaluation figures (the trainer adds held-out figures after building). */
    public ModelBundle withEvaluation(Map<String, Object> newEvaluation) {
        return with(version, newEvaluation, directory);
    }

    @Override
    public Prediction classify(TicketText ticket) {
        TermExtractor.Terms terms = extractor.extract(ticket);
        SparseVector vector = vectorizer.transform(terms.counts());
        double[] x = new double[width];
        vector.scatter(x);
        double[] qs = null;
        if (queueScores != null) {
            qs = queueScores.scores(vector);
            double[] ps = priorityScores.scores(vector);
            System.arraycopy(qs, 0, x, vectorizer.size(), qs.length);
            System.arraycopy(ps, 0, x, vectorizer.size() + qs.length, ps.length);
        }

        double[] queueRaw = queueForest.distribution(x);
        double[] queue = queueCalibration.apply(queueRaw);
        double[] priority = priorityCalibration.apply(priorityForest.distribution(x));
        int q = argmax(queue);
        int p = argmax(priority);

        double[] contributions = new double[width];
        queueForest.contributions(x, q, contributions);
        if (queueScores != null) {
            distributeScoreContributions(vector, contributions);
        }
        List<Prediction.Keyword> keywords = keywords(vector, contributions, terms.counts());

        String queueLabel = queueForest.labels().get(q);
        return new Prediction(
                terms.language(),
                new Prediction.Label(queueLabel, queue[q]),
                new Prediction.Label(priorityForest.labels().get(p), priority[p]),
                sorted(queueForest.labels(), queue),
                sorted(priorityForest.labels(), priority),
                keywords,
                queueThresholds.getOrDefault(queueLabel, 1.0),
                version);
    }

    /**
     * A class-score feature sums the evidence of all the ticket's terms; its contribution is handed
     * on to those terms in proportion to their share of the score (positive contributions to terms
     * that raised the score, negative ones to terms that lowered it).
     */
    private void distributeScoreContributions(SparseVector vector, double[] contributions) {
        int v = vectorizer.size();
        int[] idx = vector.indices();
        double[] val = vector.values();
        for (int s = v; s < width; s++) {
            double c = contributions[s];
            if (c == 0) {
                continue;
            }
            ClassScores scores = s - v < queueScores.numClasses() ? queueScores : priorityScores;
            int cls = s - v < queueScores.numClasses() ? s - v : s - v - queueScores.numClasses();
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

    /** A TF-IDF vector with the class scores appended after the vocabulary (queue classes, then priority classes). */
    public static SparseVector extend(SparseVector vector, int vocabularySize, double[] queueScores, double[] priorityScores) {
        int n = vector.indices().length;
        int[] idx = java.util.Arrays.copyOf(vector.indices(), n + queueScores.length + priorityScores.length);
        double[] val = java.util.Arrays.copyOf(vector.values(), idx.length);
        for (int i = 0; i < queueScores.length; i++) {
            idx[n + i] = vocabularySize + i;
            val[n + i] = queueScores[i];
        }
        for (int i = 0; i < priorityScores.length; i++) {
            idx[n + queueScores.length + i] = vocabularySize + queueScores.length + i;
            val[n + queueScores.length + i] = priorityScores[i];
        }
        return new SparseVector(idx, val);
    }

    static int featureWidth(TfidfVectorizer vectorizer, ClassScores queueScores, ClassScores priorityScores) {
        return vectorizer.size() + (queueScores == null ? 0 : queueScores.numClasses() + priorityScores.numClasses());
    }

    /** Number of forest input features: vocabulary plus class scores. */
    public int featureWidth() {
        return width;
    }

    /** Name of a forest input feature: a vocabulary term or "score:&lt;class&gt;". */
    public String featureName(int feature) {
        if (feature < vectorizer.size()) {
            return vectorizer.term(feature);
        }
        int s = feature - vectorizer.size();
        return s < queueForest.labels().size() ? "queue score: " + queueForest.labels().get(s)
                : "priority score: " + priorityForest.labels().get(s - queueForest.labels().size());
    }

    public ClassScores queueScores() {
        return queueScores;
    }

    public ClassScores priorityScores() {
        return priorityScores;
    }

    /**
     * The ticket's words (and word bigrams) with the largest positive contribution. A character
     * n-gram's contribution is shared equally by the ticket's words that contain it, so people see
     * words ("rechnung"), not fragments ("#echnu").
     */
    private List<Prediction.Keyword> keywords(SparseVector vector, double[] contributions, Map<String, Integer> counts) {
        List<String> words = new ArrayList<>();
        for (String term : counts.keySet()) {
            if (term.charAt(0) != '#' && term.indexOf(' ') < 0) {
                words.add(term);
            }
        }
        Map<String, Double> weight = new java.util.HashMap<>();
        List<String> holders = new ArrayList<>();
        for (int f : vector.indices()) {
            double c = contributions[f];
            if (c == 0) {
                continue;
            }
            String term = vectorizer.term(f);
            if (term.charAt(0) == '#') {
                String gram = term.substring(1);
                holders.clear();
                for (String w : words) {
                    if (w.contains(gram)) {
                        holders.add(w);
                    }
                }
                for (String w : holders) {
                    weight.merge(w, c / holders.size(), Double::sum);
                }
            } else {
                weight.merge(term, c, Double::sum);
            }
        }
        List<Map.Entry<String, Double>> entries = new ArrayList<>(weight.entrySet());
        entries.sort((a, b) -> {
            int cmp = Double.compare(b.getValue(), a.getValue());
            return cmp != 0 ? cmp : a.getKey().compareTo(b.getKey());
        });
        List<Prediction.Keyword> out = new ArrayList<>(KEYWORDS);
        for (Map.Entry<String, Double> e : entries) {
            if (out.size() == KEYWORDS || e.getValue() <= 0) {
                break;
            }
            out.add(new Prediction.Keyword(e.getKey(), Math.round(e.getValue() * 10000.0) / 10000.0));
        }
        return List.copyOf(out);
    }

    private static Map<String, Double> sorted(List<String> labels, double[] p) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i : order) {
            out.put(labels.get(i), p[i]);
        }
        return Collections.unmodifiableMap(out);
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo(version, BundleFiles.FORMAT_VERSION, trainedAt, directory, queueForest.labels(),
                priorityForest.labels(), queueThresholds, provenance, evaluation);
    }

    public String version() {
        return version;
    }

    public FeatureOptions featureOptions() {
        return options;
    }

    public TfidfVectorizer vectorizer() {
        return vectorizer;
    }

    public CompactForest queueForest() {
        return queueForest;
    }

    public CompactForest priorityForest() {
        return priorityForest;
    }

    public ConfidenceCalibrator queueCalibration() {
        return queueCalibration;
    }

    public ConfidenceCalibrator priorityCalibration() {
        return priorityCalibration;
    }

    public Map<String, Double> queueThresholds() {
        return queueThresholds;
    }

    public double targetPrecision() {
        return targetPrecision;
    }

    public Instant trainedAt() {
        return trainedAt;
    }

    public Map<String, Object> provenance() {
        return provenance;
    }

    public Map<String, Object> evaluation() {
        return evaluation;
    }
}
