package io.ticketrouter.classification.bundle;

import io.ticketrouter.classification.ModelInfo;
import io.ticketrouter.classification.Prediction;
import io.ticketrouter.classification.TicketClassifier;
import io.ticketrouter.classification.TicketText;
import io.ticketrouter.classification.calibration.ConfidenceCalibrator;
import io.ticketrouter.classification.features.FeatureSpace;
import io.ticketrouter.classification.features.SparseVector;
import io.ticketrouter.classification.forest.CompactForest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained classifier: its {@link FeatureSpace} (term extraction settings, TF-IDF vocabulary, class scores), both
 * compact forests, their calibration and the queue review thresholds. Classification runs language detection,
 * tokenization, TF-IDF, both forests and the decision-path explanation in-process, without Weka.
 * Immutable and thread-safe (per-call state lives on the stack).
 */
public final class ModelBundle implements TicketClassifier {

    /** Number of keywords reported per prediction. */
    static final int KEYWORDS = 5;

    private final Parts parts;
    private final String version;
    private final Instant trainedAt;
    private final Provenance provenance;
    private final BundleEvaluation evaluation;
    private final ModelInfo info;

    /**
     * The fitted parts of a bundle: what classification computes with. The forests' labels must be the feature
     * space's.
     */
    public record Parts(
            FeatureSpace space,
            CompactForest queueForest,
            CompactForest priorityForest,
            ConfidenceCalibrator queueCalibration,
            ConfidenceCalibrator priorityCalibration,
            Map<String, Double> queueThresholds,
            double targetPrecision) {

        public Parts {
            if (!queueForest.labels().equals(space.queues())
                    || !priorityForest.labels().equals(space.priorities())) {
                throw new IllegalArgumentException(
                        "the forests' labels " + queueForest.labels() + " / " + priorityForest.labels()
                                + " differ from the feature space's " + space.queues() + " / " + space.priorities());
            }
            queueThresholds = Collections.unmodifiableMap(new LinkedHashMap<>(queueThresholds));
        }
    }

    ModelBundle(Parts parts, String version, Instant trainedAt, Provenance provenance, BundleEvaluation evaluation) {
        this.parts = parts;
        this.version = version;
        this.trainedAt = trainedAt;
        this.provenance = provenance;
        this.evaluation = evaluation;
        this.info = new ModelInfo(
                version,
                BundleFiles.FORMAT_VERSION,
                trainedAt,
                null,
                parts.queueForest().labels(),
                parts.priorityForest().labels(),
                parts.queueThresholds(),
                BundleJson.toMap(provenance),
                BundleJson.toMap(evaluation),
                provenance.demo());
    }

    /** Creates a bundle from freshly trained parts (used by the trainer); the version is derived from the model content. */
    public static ModelBundle of(Parts parts, Instant trainedAt, Provenance provenance, BundleEvaluation evaluation) {
        ModelBundle draft = new ModelBundle(parts, "", trainedAt, provenance, evaluation);
        String version = BundleFiles.version(trainedAt, BundleWriter.modelFiles(draft));
        return new ModelBundle(parts, version, trainedAt, provenance, evaluation);
    }

    /** The same bundle with other evaluation figures (the trainer adds held-out figures after building). */
    public ModelBundle withEvaluation(BundleEvaluation newEvaluation) {
        return new ModelBundle(parts, version, trainedAt, provenance, newEvaluation);
    }

    /** The same bundle marked as a demo in its provenance: trained on sample tickets, not the team's own. */
    public ModelBundle asDemo() {
        return new ModelBundle(parts, version, trainedAt, provenance.asDemo(), evaluation);
    }

    @Override
    public Prediction classify(TicketText ticket) {
        FeatureSpace space = parts.space();
        CompactForest queueForest = parts.queueForest();
        CompactForest priorityForest = parts.priorityForest();
        FeatureSpace.Encoded in = space.encode(ticket);
        double[] x = in.input();
        double[] queue = parts.queueCalibration().apply(queueForest.distribution(x));
        double[] priority = parts.priorityCalibration().apply(priorityForest.distribution(x));
        int q = argmax(queue);
        int p = argmax(priority);

        double[] contributions = new double[space.width()];
        queueForest.contributions(x, q, contributions);
        space.creditScoresToTerms(in.tfidf(), contributions);
        List<Prediction.Keyword> keywords =
                keywords(in.tfidf(), contributions, in.terms().counts());

        String queueLabel = queueForest.labels().get(q);
        return new Prediction(
                in.terms().language(),
                new Prediction.Label(queueLabel, queue[q]),
                new Prediction.Label(priorityForest.labels().get(p), priority[p]),
                sorted(queueForest.labels(), queue),
                sorted(priorityForest.labels(), priority),
                keywords,
                parts.queueThresholds().getOrDefault(queueLabel, 1.0),
                version);
    }

    /**
     * The ticket's words (and word bigrams) with the largest positive contribution. A character
     * n-gram's contribution is shared equally by the ticket's words that contain it, so people see
     * words ("rechnung"), not fragments ("#echnu").
     */
    private List<Prediction.Keyword> keywords(
            SparseVector vector, double[] contributions, Map<String, Integer> counts) {
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
            String term = parts.space().vectorizer().term(f);
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

    /** Version, labels, thresholds, provenance and evaluation; no directory: a bundle does not know where it is stored. */
    @Override
    public ModelInfo info() {
        return info;
    }

    public String version() {
        return version;
    }

    /** What classification computes with. */
    public Parts parts() {
        return parts;
    }

    public Instant trainedAt() {
        return trainedAt;
    }

    public Provenance provenance() {
        return provenance;
    }

    public BundleEvaluation evaluation() {
        return evaluation;
    }
}
