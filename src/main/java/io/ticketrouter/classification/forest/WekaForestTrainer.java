package io.ticketrouter.classification.forest;

import io.ticketrouter.classification.features.SparseVector;
import java.util.ArrayList;
import java.util.List;
import weka.classifiers.Classifier;
import weka.classifiers.trees.RandomForest;
import weka.classifiers.trees.RandomTree;
import weka.classifiers.trees.RandomTreeAccess;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SparseInstance;

/**
 * Trains a Weka {@link RandomForest} on TF-IDF vectors and converts it to a {@link CompactForest}.
 * Rows are weighted inversely to class frequency when asked (Weka's bagging samples by weight, so
 * this gives a class-balanced bootstrap), seeds are fixed, and trees are built on all cores.
 * Out-of-bag membership is kept so calibration and review thresholds can be fitted on rows a tree
 * has not seen, without a second training run.
 */
public final class WekaForestTrainer {

    /** The trained forest in both forms, plus which rows each tree was trained on. */
    public record Trained(CompactForest forest, RandomForest weka, boolean[][] inBag, Instances header) {

        /** Out-of-bag class distribution of every training row (rows in no out-of-bag tree get the full forest). */
        public double[][] outOfBag(List<SparseVector> rows, int vocabularySize) {
            double[][] out = new double[rows.size()][];
            double[] dense = new double[vocabularySize];
            boolean[] use = new boolean[inBag.length];
            for (int r = 0; r < rows.size(); r++) {
                boolean any = false;
                for (int t = 0; t < inBag.length; t++) {
                    use[t] = !inBag[t][r];
                    any |= use[t];
                }
                rows.get(r).scatter(dense);
                out[r] = any ? forest.distribution(dense, use) : forest.distribution(dense);
                java.util.Arrays.fill(dense, 0);
            }
            return out;
        }
    }

    private final ForestParameters parameters;

    public WekaForestTrainer(ForestParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * @param rows     TF-IDF vectors over the whole vocabulary
     * @param classes  class index per row
     * @param labels   class labels
     * @param features vocabulary indices this forest may split on
     */
    public Trained train(List<SparseVector> rows, int[] classes, List<String> labels, int[] features) throws Exception {
        Instances data = dataset(labels, features, rows.size());
        double[] weights = weights(classes, labels.size());
        int[] position = positions(features, maxIndex(rows, features));
        for (int r = 0; r < rows.size(); r++) {
            data.add(instance(rows.get(r), position, features.length, classes[r], weights[r]));
        }
        TrainableRandomForest rf = new TrainableRandomForest();
        rf.setNumIterations(parameters.trees());
        rf.setNumFeatures(parameters.featuresPerSplit());
        rf.setMaxDepth(parameters.maxDepth());
        rf.setSeed(parameters.seed());
        rf.setNumExecutionSlots(parameters.effectiveThreads());
        rf.setCalcOutOfBag(true);
        rf.setBagSizePercent(parameters.bagSizePercent(rows.size()));
        rf.setDoNotCheckCapabilities(true);
        ((RandomTree) rf.getClassifier()).setMinNum(parameters.minLeafWeight());
        rf.buildClassifier(data);
        boolean[][] inBag = rf.inBag();
        if (inBag == null) {
            throw new IllegalStateException("Weka did not keep out-of-bag membership (unexpected Weka version?)");
        }
        Classifier[] trees = rf.trees();
        CompactForest.Tree[] compact = new CompactForest.Tree[trees.length];
        for (int t = 0; t < trees.length; t++) {
            compact[t] = convert((RandomTree) trees[t], features, labels.size());
        }
        Instances header = new Instances(data, 0);
        return new Trained(new CompactForest(labels, features, compact), rf, inBag, header);
    }

    /** A Weka instance of a row, for comparing Weka's and the compact forest's predictions. */
    public static Instance wekaInstance(Instances header, SparseVector row, int[] features) {
        int[] position = positions(
                features,
                Math.max(
                        features.length == 0 ? 0 : features[features.length - 1],
                        row.indices().length == 0 ? 0 : row.indices()[row.indices().length - 1]));
        Instance instance = instance(row, position, features.length, 0, 1.0);
        instance.setDataset(header);
        return instance;
    }

    private static CompactForest.Tree convert(RandomTree tree, int[] features, int numClasses) {
        List<RandomTreeAccess.Node> nodes = RandomTreeAccess.nodes(tree);
        CompactForest.Nodes converted = new CompactForest.Nodes(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            RandomTreeAccess.Node node = nodes.get(i);
            converted.feature[i] = node.attribute() < 0 ? -1 : features[node.attribute()];
            converted.split[i] = node.splitPoint();
            converted.left[i] = node.left();
            converted.right[i] = node.right();
            converted.raw[i] = node.attribute() < 0 ? node.classDistribution() : null;
        }
        return converted.tree(numClasses);
    }

    private static Instances dataset(List<String> labels, int[] features, int capacity) {
        ArrayList<Attribute> attributes = new ArrayList<>(features.length + 1);
        for (int f : features) {
            attributes.add(new Attribute("f" + f));
        }
        attributes.add(new Attribute("class", new ArrayList<>(labels)));
        Instances data = new Instances("tickets", attributes, capacity);
        data.setClassIndex(features.length);
        return data;
    }

    private static Instance instance(SparseVector row, int[] position, int numFeatures, int cls, double weight) {
        double[] values = new double[numFeatures + 1];
        int[] idx = row.indices();
        double[] val = row.values();
        for (int k = 0; k < idx.length; k++) {
            int p = idx[k] < position.length ? position[idx[k]] : -1;
            if (p >= 0) {
                values[p] = val[k];
            }
        }
        values[numFeatures] = cls;
        return Boolean.getBoolean("tr.dense")
                ? new weka.core.DenseInstance(weight, values)
                : new SparseInstance(weight, values);
    }

    private static int maxIndex(List<SparseVector> rows, int[] features) {
        int max = features.length == 0 ? 0 : features[features.length - 1];
        for (SparseVector row : rows) {
            if (row.indices().length > 0) {
                max = Math.max(max, row.indices()[row.indices().length - 1]);
            }
        }
        return max;
    }

    private static int[] positions(int[] features, int maxIndex) {
        int[] position = new int[maxIndex + 1];
        java.util.Arrays.fill(position, -1);
        for (int i = 0; i < features.length; i++) {
            position[features[i]] = i;
        }
        return position;
    }

    private double[] weights(int[] classes, int numClasses) {
        double[] weights = new double[classes.length];
        double[] count = new double[numClasses];
        for (int c : classes) {
            count[c]++;
        }
        for (int r = 0; r < classes.length; r++) {
            weights[r] = parameters.balanced() ? classes.length / (numClasses * count[classes[r]]) : 1.0;
        }
        return weights;
    }

    /**
     * Exposes the trees of Weka's bagging and remembers which rows each tree was trained on (Weka
     * drops its own in-bag flags after computing the out-of-bag error).
     */
    static final class TrainableRandomForest extends RandomForest {
        private static final long serialVersionUID = 1L;
        private boolean[][] kept;

        Classifier[] trees() {
            return m_Classifiers;
        }

        boolean[][] inBag() {
            return kept;
        }

        @Override
        protected synchronized Instances getTrainingSet(int iteration) throws Exception {
            Instances bag = super.getTrainingSet(iteration);
            if (m_inBag != null && m_inBag[iteration] != null) {
                if (kept == null) {
                    kept = new boolean[m_NumIterations][];
                }
                kept[iteration] = m_inBag[iteration].clone();
            }
            return bag;
        }
    }
}
