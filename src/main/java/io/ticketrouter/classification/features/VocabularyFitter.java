package io.ticketrouter.classification.features;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Chooses the vocabulary and IDF from training rows only: document-frequency limits, then chi²
 * (term presence vs. class) per target, keeping the best terms for each target. A forest on a few
 * thousand informative terms is smaller, faster and better than one on every term (STACK.md).
 */
public final class VocabularyFitter {

    /**
     * The fitted vectorizer plus, per target, the vocabulary indices selected for that target
     * (sorted) and the same indices ranked by chi², best first.
     */
    public record Fitted(
            TfidfVectorizer vectorizer, Map<String, int[]> featuresPerTarget, Map<String, int[]> rankedPerTarget) {

        /** The {@code n} best-ranked vocabulary indices of a target, sorted by index. */
        public int[] best(String target, int n) {
            int[] ranked = rankedPerTarget.get(target);
            return java.util.Arrays.stream(ranked).limit(n).sorted().toArray();
        }
    }

    private final int minDf;
    private final double maxDfRatio;

    public VocabularyFitter(int minDf, double maxDfRatio) {
        if (minDf < 1) {
            throw new IllegalArgumentException("minimum document frequency must be at least 1, got " + minDf);
        }
        if (!(maxDfRatio > 0 && maxDfRatio <= 1)) {
            throw new IllegalArgumentException("maximum document frequency ratio must be in (0, 1], got " + maxDfRatio);
        }
        this.minDf = minDf;
        this.maxDfRatio = maxDfRatio;
    }

    /**
     * @param docs     term counts of each training row
     * @param targets  per target name: the class index of each row and the number of terms to keep
     */
    public Fitted fit(List<Map<String, Integer>> docs, Map<String, Target> targets) {
        return fit(TermTable.of(docs), targets);
    }

    /**
     * @param table    term counts of each training row
     * @param targets  per target name: the class index of each row and the number of terms to keep
     */
    public Fitted fit(TermTable table, Map<String, Target> targets) {
        int n = table.size();
        int[] df = new int[table.distinctTerms()];
        for (int r = 0; r < n; r++) {
            for (int id : table.row(r).terms()) {
                df[id]++;
            }
        }
        // the terms within the limits, in term order; candidate[id] is a term number's position there, or -1
        List<Integer> kept = new ArrayList<>();
        for (int id = 0; id < df.length; id++) {
            if (df[id] >= minDf && df[id] <= maxDfRatio * n) {
                kept.add(id);
            }
        }
        kept.sort(Comparator.comparing(table::term));
        List<String> candidates = kept.stream().map(table::term).toList();
        int[] candidate = new int[df.length];
        java.util.Arrays.fill(candidate, -1);
        for (int i = 0; i < kept.size(); i++) {
            candidate[kept.get(i)] = i;
        }
        Map<String, List<String>> selected = new HashMap<>();
        TreeSet<Integer> union = new TreeSet<>();
        for (Map.Entry<String, Target> t : targets.entrySet()) {
            int[] best = chi2Best(table, candidates, candidate, t.getValue());
            selected.put(
                    t.getKey(),
                    java.util.Arrays.stream(best).mapToObj(candidates::get).toList());
            java.util.Arrays.stream(best).forEach(union::add);
        }
        // positions ascend in term order, so the vocabulary is ordered by term
        List<String> vocabulary = union.stream().map(candidates::get).toList();
        double[] idf = union.stream()
                .mapToDouble(i -> Math.log((1.0 + n) / (1.0 + df[kept.get(i)])) + 1.0)
                .toArray();
        TfidfVectorizer vectorizer = new TfidfVectorizer(vocabulary, idf);
        Map<String, int[]> perTarget = new HashMap<>();
        Map<String, int[]> ranked = new HashMap<>();
        selected.forEach((name, terms) -> {
            perTarget.put(
                    name, terms.stream().mapToInt(vectorizer::indexOf).sorted().toArray());
            ranked.put(name, terms.stream().mapToInt(vectorizer::indexOf).toArray());
        });
        return new Fitted(vectorizer, Map.copyOf(perTarget), Map.copyOf(ranked));
    }

    /** Class index of each training row, number of classes and how many terms to keep. */
    public record Target(int[] classes, int numClasses, int keep) {}

    private static int[] chi2Best(TermTable table, List<String> candidates, int[] candidate, Target target) {
        int k = target.numClasses();
        double[][] observed = new double[candidates.size()][k];
        double[] classCount = new double[k];
        for (int d = 0; d < table.size(); d++) {
            int c = target.classes()[d];
            classCount[c]++;
            for (int id : table.row(d).terms()) {
                int i = candidate[id];
                if (i >= 0) {
                    observed[i][c]++;
                }
            }
        }
        double n = table.size();
        double[] score = new double[candidates.size()];
        for (int i = 0; i < candidates.size(); i++) {
            double present = 0;
            for (double o : observed[i]) {
                present += o;
            }
            double chi2 = 0;
            for (int c = 0; c < k; c++) {
                if (classCount[c] == 0) {
                    continue;
                }
                // 2x2 table per class: term present / absent vs. in class / not.
                double a = observed[i][c];
                double b = present - a;
                double cc = classCount[c] - a;
                double dd = n - present - cc;
                double denom = (a + b) * (cc + dd) * (a + cc) * (b + dd);
                if (denom > 0) {
                    double diff = a * dd - b * cc;
                    chi2 = Math.max(chi2, n * diff * diff / denom);
                }
            }
            score[i] = chi2;
        }
        Integer[] order = new Integer[candidates.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> {
            int cmp = Double.compare(score[y], score[x]);
            return cmp != 0 ? cmp : candidates.get(x).compareTo(candidates.get(y));
        });
        int[] best = new int[Math.min(target.keep(), order.length)];
        for (int i = 0; i < best.length; i++) {
            best[i] = order[i];
        }
        return best;
    }
}
