package io.ticketrouter.classification.forest;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A random forest as flat arrays: per tree, for each node in pre-order, the split feature (-1 for a
 * leaf), split point, children and the normalised class distribution of the node. Predictions equal
 * Weka's (same comparisons, same normalisation, empty leaves fall back to the parent), but need
 * no Weka objects, take a fraction of the memory and give decision paths for explanations.
 *
 * <p>Feature indices refer to the shared vectorizer's vocabulary ({@link #features()} lists the
 * indices this forest was trained on). Immutable and thread-safe.
 */
public final class CompactForest {

    static final int MAGIC = 0x54524631; // "TRF1"
    static final int FORMAT = 1;

    private final List<String> labels;
    private final int[] features;
    private final Tree[] trees;

    /** One tree. {@code value} holds, per node, the class distribution Weka would return there. */
    record Tree(int[] feature, double[] split, int[] left, int[] right, double[][] raw, double[][] value) {}

    CompactForest(List<String> labels, int[] features, Tree[] trees) {
        this.labels = List.copyOf(labels);
        this.features = features.clone();
        this.trees = trees;
    }

    /**
     * The {@code n} pre-order nodes of a tree being read or converted, filled in place: per node the split feature
     * (-1 for a leaf), split value and children, and a leaf's raw (unnormalised) class weights.
     */
    static final class Nodes {
        final int[] feature;
        final double[] split;
        final int[] left;
        final int[] right;
        final double[][] raw;

        Nodes(int n) {
            feature = new int[n];
            split = new double[n];
            left = new int[n];
            right = new int[n];
            raw = new double[n][];
        }

        Tree tree(int numClasses) {
            return CompactForest.tree(feature, split, left, right, raw, numClasses);
        }
    }

    /**
     * Builds a tree from pre-order nodes with the raw (unnormalised) class weights of the leaves; null
     * weights mean an empty leaf, which predicts its parent's distribution (as Weka does).
     */
    private static Tree tree(int[] feature, double[] split, int[] left, int[] right, double[][] raw, int numClasses) {
        int n = feature.length;
        double[][] value = new double[n][];
        int[] parent = new int[n];
        Arrays.fill(parent, -1);
        for (int i = 0; i < n; i++) {
            if (feature[i] >= 0) {
                parent[left[i]] = i;
                parent[right[i]] = i;
            }
        }
        // Internal nodes hold the sum of their children's class weights (their training rows are
        // exactly the union of the children's). Children follow their parent in pre-order.
        raw = raw.clone();
        for (int i = n - 1; i >= 0; i--) {
            if (feature[i] >= 0) {
                double[] sum = new double[numClasses];
                for (double[] child : new double[][] {raw[left[i]], raw[right[i]]}) {
                    if (child != null) {
                        for (int c = 0; c < numClasses; c++) {
                            sum[c] += child[c];
                        }
                    }
                }
                raw[i] = sum;
            }
        }
        for (int i = 0; i < n; i++) {
            double[] r = raw[i];
            double sum = 0;
            if (r != null) {
                for (double v : r) {
                    sum += v;
                }
            }
            if (r == null || sum == 0) {
                value[i] = parent[i] >= 0 ? value[parent[i]] : new double[numClasses];
            } else {
                double[] v = r.clone();
                for (int c = 0; c < v.length; c++) {
                    v[c] /= sum;
                }
                value[i] = v;
            }
        }
        return new Tree(feature, split, left, right, raw, value);
    }

    public List<String> labels() {
        return labels;
    }

    /** Vocabulary indices of the features this forest splits on (sorted). */
    public int[] features() {
        return features.clone();
    }

    public int numTrees() {
        return trees.length;
    }

    public int numNodes() {
        int n = 0;
        for (Tree t : trees) {
            n += t.feature.length;
        }
        return n;
    }

    /** Class probabilities for a dense feature vector over the whole vocabulary. */
    public double[] distribution(double[] x) {
        double[] sums = new double[labels.size()];
        for (Tree t : trees) {
            double[] v = t.value[leaf(t, x)];
            for (int c = 0; c < sums.length; c++) {
                sums[c] += v[c];
            }
        }
        normalize(sums);
        return sums;
    }

    /** Class probabilities using only the given trees (for out-of-bag estimates). */
    public double[] distribution(double[] x, boolean[] useTree) {
        double[] sums = new double[labels.size()];
        for (int i = 0; i < trees.length; i++) {
            if (useTree[i]) {
                double[] v = trees[i].value[leaf(trees[i], x)];
                for (int c = 0; c < sums.length; c++) {
                    sums[c] += v[c];
                }
            }
        }
        normalize(sums);
        return sums;
    }

    /**
     * Decision-path contributions (Saabas) to the probability of class {@code target}: for every split
     * on the path, the change of the class probability from the node to the child taken is credited to
     * the split's feature; averaged over trees. Adds into {@code contributions} (indexed by vocabulary).
     */
    public void contributions(double[] x, int target, double[] contributions) {
        double scale = 1.0 / trees.length;
        for (Tree t : trees) {
            int node = 0;
            while (t.feature[node] >= 0) {
                int next = x[t.feature[node]] < t.split[node] ? t.left[node] : t.right[node];
                contributions[t.feature[node]] += (t.value[next][target] - t.value[node][target]) * scale;
                node = next;
            }
        }
    }

    /** The class probability before any split (the root distributions averaged over trees): the baseline of explanations. */
    public double rootValue(int target) {
        double v = 0;
        for (Tree t : trees) {
            v += t.value[0][target];
        }
        return v / trees.length;
    }

    /**
     * Global importance per vocabulary feature: the training weight reaching each split on the
     * feature, as a share of the root's weight, summed over trees and divided by the number of trees.
     */
    public double[] splitWeights(int vocabularySize) {
        double[] w = new double[vocabularySize];
        for (Tree t : trees) {
            double root = sum(t.raw[0]);
            for (int i = 0; i < t.feature.length; i++) {
                if (t.feature[i] >= 0 && root > 0) {
                    w[t.feature[i]] += sum(t.raw[i]) / root / trees.length;
                }
            }
        }
        return w;
    }

    private static double sum(double[] v) {
        double s = 0;
        if (v != null) {
            for (double d : v) {
                s += d;
            }
        }
        return s;
    }

    private static int leaf(Tree t, double[] x) {
        int node = 0;
        while (t.feature[node] >= 0) {
            node = x[t.feature[node]] < t.split[node] ? t.left[node] : t.right[node];
        }
        return node;
    }

    /** Same as Weka's Utils.normalize for a non-zero sum; all zeros stay zeros. */
    static void normalize(double[] d) {
        double sum = 0;
        for (double v : d) {
            sum += v;
        }
        if (sum == 0) {
            return;
        }
        for (int i = 0; i < d.length; i++) {
            d[i] /= sum;
        }
    }

    /** Writes the binary form: magic, format version, labels, features, then each tree's nodes in pre-order. */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(labels.size());
        for (String label : labels) {
            out.writeUTF(label);
        }
        out.writeInt(features.length);
        for (int f : features) {
            out.writeInt(f);
        }
        out.writeInt(trees.length);
        for (Tree t : trees) {
            out.writeInt(t.feature.length);
            for (int i = 0; i < t.feature.length; i++) {
                out.writeInt(t.feature[i]);
                if (t.feature[i] >= 0) {
                    out.writeDouble(t.split[i]);
                    // Children are implicit: left = i + 1 in pre-order, right is stored.
                    out.writeInt(t.right[i]);
                } else {
                    double[] r = t.raw[i];
                    if (r == null) {
                        out.writeByte(0);
                        continue;
                    }
                    int nonZero = 0;
                    for (double v : r) {
                        if (v != 0) {
                            nonZero++;
                        }
                    }
                    out.writeByte(nonZero + 1);
                    for (int c = 0; c < r.length; c++) {
                        if (r[c] != 0) {
                            out.writeByte(c);
                            out.writeDouble(r[c]);
                        }
                    }
                }
            }
        }
    }

    /**
     * Reads what {@link #write} wrote, checking magic, format version and every index, so a corrupt
     * file fails with an {@link IOException} saying what is wrong instead of predicting nonsense.
     */
    public static CompactForest read(DataInputStream in, int vocabularySize) throws IOException {
        List<String> labels = readLabels(in);
        int numLabels = labels.size();
        int numFeatures = check(in.readInt(), 0, vocabularySize, "number of features");
        int[] features = new int[numFeatures];
        for (int i = 0; i < numFeatures; i++) {
            features[i] = check(in.readInt(), 0, vocabularySize - 1, "feature index");
        }
        int numTrees = check(in.readInt(), 1, 100_000, "number of trees");
        Tree[] trees = new Tree[numTrees];
        for (int t = 0; t < numTrees; t++) {
            int n = check(in.readInt(), 1, 50_000_000, "number of nodes");
            Nodes nodes = new Nodes(n);
            for (int i = 0; i < n; i++) {
                nodes.feature[i] = check(in.readInt(), -1, vocabularySize - 1, "split feature");
                if (nodes.feature[i] >= 0) {
                    nodes.split[i] = in.readDouble();
                    nodes.left[i] = check(i + 1, 1, n - 1, "left child");
                    nodes.right[i] = check(in.readInt(), i + 2, n - 1, "right child");
                } else {
                    nodes.left[i] = -1;
                    nodes.right[i] = -1;
                    int nonZero = in.readUnsignedByte();
                    if (nonZero == 0) {
                        continue;
                    }
                    double[] r = new double[numLabels];
                    for (int k = 0; k < nonZero - 1; k++) {
                        r[check(in.readUnsignedByte(), 0, numLabels - 1, "class index")] = in.readDouble();
                    }
                    nodes.raw[i] = r;
                }
            }
            trees[t] = nodes.tree(numLabels);
        }
        if (in.read() != -1) {
            throw new IOException("unexpected data after the last tree");
        }
        return new CompactForest(labels, features, trees);
    }

    /**
     * Reads the start of what {@link #write} wrote, checking magic and format version, up to and including the class
     * labels: what a reader needs before the features (their number depends on the labels when class scores are on).
     */
    public static List<String> readLabels(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a Ticket Router forest file (bad magic number)");
        }
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("forest format version " + format + " is not supported (expected " + FORMAT + ")");
        }
        int numLabels = check(in.readInt(), 1, 255, "number of labels");
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < numLabels; i++) {
            labels.add(in.readUTF());
        }
        return labels;
    }

    private static int check(int value, int min, int max, String what) throws IOException {
        if (value < min || value > max) {
            throw new IOException(what + " " + value + " out of range " + min + ".." + max + " (corrupt file?)");
        }
        return value;
    }
}
