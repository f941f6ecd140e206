package io.ticketrouter.classification.training;

import io.ticketrouter.classification.features.FeatureOptions;
import io.ticketrouter.classification.forest.ForestParameters;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that decides what {@link BundleTrainer} produces; validated when built (the records'
 * constructors say what is allowed) and recorded in the bundle's provenance.
 *
 * @param features          term extraction
 * @param minDf             minimum number of training rows a term must appear in
 * @param maxDfRatio        maximum share of training rows a term may appear in
 * @param queueTerms        terms chosen by chi² for the queue forest
 * @param priorityTerms     terms chosen by chi² for the priority forest
 * @param queueForest       queue forest settings
 * @param priorityForest    priority forest settings
 * @param targetPrecision   precision the queue review thresholds aim for
 */
public record TrainingParameters(FeatureOptions features, int minDf, double maxDfRatio, int queueTerms, int priorityTerms,
                                 ForestParameters queueForest, ForestParameters priorityForest, double targetPrecision) {

    public TrainingParameters {
        if (queueTerms < 10 || priorityTerms < 10) {
            throw new IllegalArgumentException("terms per target must be at least 10, got " + queueTerms + " and " + priorityTerms);
        }
        if (!(targetPrecision > 0 && targetPrecision <= 1)) {
            throw new IllegalArgumentException("target precision must be in (0, 1], got " + targetPrecision);
        }
    }

    /** The defaults measured in MODEL_CARD.md. */
    public static TrainingParameters defaults() {
        return new TrainingParameters(new FeatureOptions(2, true, 0, true), 2, 0.95, 2000, 1000,
                new ForestParameters(100, 0, 0, 1, 42, true, 0),
                new ForestParameters(100, 0, 0, 1, 43, true, 0),
                0.80);
    }

    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject_weight", features.subjectWeight());
        m.put("bigrams", features.bigrams());
        m.put("char_ngram_max", features.charNgramMax());
        m.put("stemming", features.stemming());
        m.put("min_df", minDf);
        m.put("max_df_ratio", maxDfRatio);
        m.put("queue_terms", queueTerms);
        m.put("priority_terms", priorityTerms);
        m.put("queue_forest", forest(queueForest));
        m.put("priority_forest", forest(priorityForest));
        m.put("target_precision", targetPrecision);
        return m;
    }

    private static Map<String, Object> forest(ForestParameters f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trees", f.trees());
        m.put("features_per_split", f.featuresPerSplit());
        m.put("max_depth", f.maxDepth());
        m.put("min_leaf_weight", f.minLeafWeight());
        m.put("seed", f.seed());
        m.put("balanced", f.balanced());
        m.put("threads", f.effectiveThreads());
        return m;
    }
}
