package io.ticketrouter.classification.features;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Naive-Bayes class scores as extra forest features: for each class c, the score of a TF-IDF vector
 * x is {@code sum_t x_t * w_c[t]} with the smoothed log-ratio {@code w_c[t] = log P(t | c) - log P(t | not c)}
 * estimated from TF-IDF mass. A tree can only look at a few words per split; one score sums the
 * evidence of every word of the ticket, which is what a forest on sparse text lacks. Training rows
 * get scores from models fitted without them (cross-fitting, see {@link #crossFitted}), so the
 * forest learns how far to trust the scores on unseen tickets. Immutable after fitting.
 */
public final class ClassScores {

    static final int MAGIC = 0x54525331; // "TRS1"
    static final double ALPHA = 0.1;
    /** SVM cost C, chosen on val.csv among 0.1, 0.5, 2, 8, 32 (MODEL_CARD.md). */
    static final double LINEAR_C = 8.0;

    private final double[][] weights; // [class][vocabulary feature]
    private final double[] bias;

    ClassScores(double[][] weights) {
        this(weights, new double[weights.length]);
    }

    ClassScores(double[][] weights, double[] bias) {
        this.weights = weights;
        this.bias = bias;
    }

    public int numClasses() {
        return weights.length;
    }

    /** Number of vocabulary terms each class has a weight for. */
    public int vocabularySize() {
        return weights.length == 0 ? 0 : weights[0].length;
    }

    public double weight(int cls, int feature) {
        return weights[cls][feature];
    }

    /** Fits the log-ratios on the given rows (all of them, or one cross-fitting fold's complement). */
    public static ClassScores fit(
            java.util.List<SparseVector> rows, int[] classes, int numClasses, int vocabularySize, boolean[] use) {
        double[][] mass = new double[numClasses][vocabularySize];
        double[] total = new double[vocabularySize];
        for (int r = 0; r < rows.size(); r++) {
            if (use != null && !use[r]) {
                continue;
            }
            SparseVector v = rows.get(r);
            for (int k = 0; k < v.indices().length; k++) {
                mass[classes[r]][v.indices()[k]] += v.values()[k];
                total[v.indices()[k]] += v.values()[k];
            }
        }
        double all = 0;
        for (double t : total) {
            all += t;
        }
        double[][] w = new double[numClasses][vocabularySize];
        for (int c = 0; c < numClasses; c++) {
            double inClass = 0;
            for (double m : mass[c]) {
                inClass += m;
            }
            double outClass = all - inClass;
            for (int t = 0; t < vocabularySize; t++) {
                double p = (mass[c][t] + ALPHA) / (inClass + ALPHA * vocabularySize);
                double q = (total[t] - mass[c][t] + ALPHA) / (outClass + ALPHA * vocabularySize);
                // Rounded to float precision: what the bundle stores is exactly what was used.
                w[c][t] = (float) Math.log(p / q);
            }
        }
        return new ClassScores(w);
    }

    /**
     * One-vs-rest linear SVMs (hinge loss, L2, class-balanced sample weights) trained by Pegasos
     * stochastic sub-gradient descent with a fixed seed; the score of class c is {@code w_c . x}.
     * Used instead of the naive-Bayes log-ratios when {@code linear} is chosen.
     */
    public static ClassScores fitLinear(
            java.util.List<SparseVector> rows,
            int[] classes,
            int numClasses,
            int vocabularySize,
            boolean[] use,
            double c,
            int epochs,
            long seed) {
        java.util.List<Integer> idx = new java.util.ArrayList<>();
        double[] count = new double[numClasses];
        for (int r = 0; r < rows.size(); r++) {
            if (use == null || use[r]) {
                idx.add(r);
                count[classes[r]]++;
            }
        }
        int n = idx.size();
        double lambda = 1.0 / (c * n);
        double[][] w = new double[numClasses][]; // last entry of each: bias (feature constant 1)
        // one-vs-rest: the classes are independent fits, each with its own seeded order, so they run on all cores
        java.util.stream.IntStream.range(0, numClasses).parallel().forEach(cls -> {
            double[] v = new double[vocabularySize + 1];
            double scale = 1.0;
            java.util.Random random = new java.util.Random(seed + cls);
            long t = 0;
            for (int e = 0; e < epochs; e++) {
                for (int k = 0; k < n; k++) {
                    int r = idx.get(random.nextInt(n));
                    t++;
                    double eta = 1.0 / (lambda * (t + 10));
                    SparseVector x = rows.get(r);
                    double y = classes[r] == cls ? 1 : -1;
                    double margin = v[vocabularySize];
                    for (int j = 0; j < x.indices().length; j++) {
                        margin += v[x.indices()[j]] * x.values()[j];
                    }
                    margin *= scale;
                    scale *= (1 - eta * lambda);
                    if (scale < 1e-9) {
                        for (int j = 0; j < v.length; j++) {
                            v[j] *= scale;
                        }
                        scale = 1.0;
                    }
                    if (y * margin < 1) {
                        double weight = count[classes[r]] == 0 ? 0 : n / (numClasses * count[classes[r]]);
                        double step = eta * y * weight / scale;
                        for (int j = 0; j < x.indices().length; j++) {
                            v[x.indices()[j]] += step * x.values()[j];
                        }
                        v[vocabularySize] += step;
                    }
                }
            }
            double[] fitted = new double[v.length];
            for (int j = 0; j < v.length; j++) {
                fitted[j] = (float) (v[j] * scale);
            }
            w[cls] = fitted;
        });
        double[][] weights = new double[numClasses][];
        double[] bias = new double[numClasses];
        for (int cls = 0; cls < numClasses; cls++) {
            weights[cls] = java.util.Arrays.copyOf(w[cls], vocabularySize);
            bias[cls] = w[cls][vocabularySize];
        }
        return new ClassScores(weights, bias);
    }

    /** How the class scores are fitted. */
    public enum Method {
        NAIVE_BAYES,
        LINEAR_SVM
    }

    /** Fits with the chosen method on all rows ({@code use} null) or on the rows marked in {@code use}. */
    public static ClassScores fit(
            Method method,
            java.util.List<SparseVector> rows,
            int[] classes,
            int numClasses,
            int vocabularySize,
            boolean[] use) {
        return method == Method.LINEAR_SVM
                ? fitLinear(rows, classes, numClasses, vocabularySize, use, LINEAR_C, 15, 17)
                : fit(rows, classes, numClasses, vocabularySize, use);
    }

    /** Scores of every row from models fitted on the other folds (rows assigned to folds round-robin by position). */
    public static double[][] crossFitted(
            Method method,
            java.util.List<SparseVector> rows,
            int[] classes,
            int numClasses,
            int vocabularySize,
            int folds) {
        double[][] out = new double[rows.size()][];
        // the folds are independent fits (each writes only its own rows), so they run on all cores
        java.util.stream.IntStream.range(0, folds).parallel().forEach(f -> {
            boolean[] use = new boolean[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                use[r] = r % folds != f;
            }
            ClassScores model = fit(method, rows, classes, numClasses, vocabularySize, use);
            for (int r = f; r < rows.size(); r += folds) {
                out[r] = model.scores(rows.get(r));
            }
        });
        return out;
    }

    public double[] scores(SparseVector x) {
        double[] s = new double[weights.length];
        for (int c = 0; c < weights.length; c++) {
            double sum = bias[c];
            for (int k = 0; k < x.indices().length; k++) {
                sum += x.values()[k] * weights[c][x.indices()[k]];
            }
            s[c] = sum;
        }
        return s;
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(weights.length);
        out.writeInt(weights.length == 0 ? 0 : weights[0].length);
        for (double b : bias) {
            out.writeFloat((float) b);
        }
        for (double[] row : weights) {
            for (double v : row) {
                out.writeFloat((float) v);
            }
        }
    }

    /** Reads one score model written by {@link #write}; the stream may continue with more data. */
    public static ClassScores readOne(DataInputStream in, int numClasses, int vocabularySize) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a Ticket Router class-score file (bad magic number)");
        }
        int k = in.readInt();
        int v = in.readInt();
        if (k != numClasses || v != vocabularySize) {
            throw new IOException("class scores for " + k + " classes x " + v + " terms, expected " + numClasses + " x "
                    + vocabularySize);
        }
        double[] b = new double[k];
        for (int c = 0; c < k; c++) {
            b[c] = in.readFloat();
        }
        double[][] w = new double[k][v];
        for (int c = 0; c < k; c++) {
            for (int t = 0; t < v; t++) {
                w[c][t] = in.readFloat();
            }
        }
        return new ClassScores(w, b);
    }
}
