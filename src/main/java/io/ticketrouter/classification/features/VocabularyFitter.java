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
        int n = docs.size();
        Map<String, Integer> df = new HashMap<>();
        for (Map<String, Integer> doc : docs) {
            for (String term : doc.keySet()) {
                df.merge(term, 1, Integer::sum);
            }
        }
        List<String> candidates = new ArrayList<>();
        for (Map.Entry<String, Integer> e : df.entrySet()) {
            if (e.getValue() >= minDf && e.getValue() <= maxDfRatio * n) {
                candidates.add(e.getKey());
            }
        }
        candidates.sort(Comparator.naturalOrder());
        Map<String, Integer> candidateIndex = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            candidateIndex.put(candidates.get(i), i);
        }
        Map<String, List<String>> selected = new HashMap<>();
        TreeSet<String> union = new TreeSet<>();
        for (Map.Entry<String, Target> t : targets.entrySet()) {
            List<String> best = chi2Best(docs, candidates, candidateIndex, t.getValue());
            selected.put(t.getKey(), best);
            union.addAll(best);
        }
        List<String> vocabulary = new ArrayList<>(union);
        double[] idf = new double[vocabulary.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = Math.log((1.0 + n) / (1.0 + df.get(vocabulary.get(i)))) + 1.0;
        }
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

    private static List<String> chi2Best(
            List<Map<String, Integer>> docs,
            List<String> candidates,
            Map<String, Integer> candidateIndex,
            Target target) {
        int k = target.numClasses();
        double[][] observed = new double[candidates.size()][k];
        double[] classCount = new double[k];
        for (int d = 0; d < docs.size(); d++) {
            int c = target.classes()[d];
            classCount[c]++;
            for (String term : docs.get(d).keySet()) {
                Integer i = candidateIndex.get(term);
                if (i != null) {
                    observed[i][c]++;
                }
            }
        }
        double n = docs.size();
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
        List<String> best = new ArrayList<>();
        for (int i = 0; i < Math.min(target.keep(), order.length); i++) {
            best.add(candidates.get(order[i]));
        }
        return best;
    }
}
