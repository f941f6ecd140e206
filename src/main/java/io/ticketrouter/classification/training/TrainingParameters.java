package io.ticketrouter.classification.training;

import io.ticketrouter.classification.features.ClassScores;
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
 * @param forestTerms       of each target's terms, how many (best chi² first) the forest may split on; the class
 *                          scores use all of them
 * @param scoreMethod       how the class-score features are fitted (when {@link FeatureOptions#classScores()})
 * @param queueForest       queue forest settings
 * @param priorityForest    priority forest settings
 * @param targetPrecision   precision the queue review thresholds aim for
 */
public record TrainingParameters(
        FeatureOptions features,
        int minDf,
        double maxDfRatio,
        int queueTerms,
        int priorityTerms,
        int forestTerms,
        ClassScores.Method scoreMethod,
        ForestParameters queueForest,
        ForestParameters priorityForest,
        double targetPrecision) {

    public TrainingParameters {
        if (queueTerms < 10 || priorityTerms < 10) {
            throw new IllegalArgumentException(
                    "terms per target must be at least 10, got " + queueTerms + " and " + priorityTerms);
        }
        if (forestTerms < 10) {
            throw new IllegalArgumentException("forest terms must be at least 10, got " + forestTerms);
        }
        if (!(targetPrecision > 0 && targetPrecision <= 1)) {
            throw new IllegalArgumentException("target precision must be in (0, 1], got " + targetPrecision);
        }
    }

    /** Rows drawn per tree by default: trees stop growing with the training set beyond it (docs/performance.md). */
    public static final int BAG_ROWS = 8000;

    /** Cross-fitting folds for the class-score features of training rows. */
    public static final int CLASS_SCORE_FOLDS = 5;

    /**
     * The defaults measured in MODEL_CARD.md, chosen on val.csv (trained on train.csv): word 1-2 grams
     * plus character 3-5 grams, subject counted twice, no stemming, 12,000 / 6,000 chi² terms for the
     * class scores of which 1,500 per target reach the forest, cross-fitted linear-SVM class scores,
     * 100 trees per forest with a minimum leaf weight of 2.
     */
    public static TrainingParameters defaults() {
        return new TrainingParameters(
                new FeatureOptions(2, true, 5, false, true),
                2,
                0.95,
                12000,
                6000,
                1500,
                ClassScores.Method.LINEAR_SVM,
                new ForestParameters(100, 0, 0, 2, 42, true, 0, BAG_ROWS),
                new ForestParameters(100, 0, 0, 2, 43, true, 0, BAG_ROWS),
                0.80);
    }

    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject_weight", features.subjectWeight());
        m.put("bigrams", features.bigrams());
        m.put("char_ngram_max", features.charNgramMax());
        m.put("stemming", features.stemming());
        m.put("class_scores", features.classScores());
        m.put("class_score_method", scoreMethod.name().toLowerCase(java.util.Locale.ROOT));
        m.put("class_score_folds", CLASS_SCORE_FOLDS);
        m.put("min_df", minDf);
        m.put("max_df_ratio", maxDfRatio);
        m.put("queue_terms", queueTerms);
        m.put("priority_terms", priorityTerms);
        m.put("forest_terms", forestTerms);
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
        m.put("bag_rows", f.bagRows());
        return m;
    }
}
