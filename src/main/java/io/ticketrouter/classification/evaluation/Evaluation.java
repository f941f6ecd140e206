package io.ticketrouter.classification.evaluation;

import io.ticketrouter.classification.calibration.ConfidenceCalibrator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes the evaluation figures of a model (see MODEL_CARD.md) from collected predictions. The result is a map in a
 * fixed key order, written as JSON by the bundle and by {@code evaluate --json}:
 * {@code rows, skipped_rows, queue {...}, priority {...}, per_language, high_to_low_rate,
 * low_to_high_rate, ece {queue, priority}, accuracy_at_coverage}; each target has
 * {@code accuracy, macro_f1, weighted_f1, per_class, confusion {labels, matrix}, ece,
 * accuracy_at_coverage [{threshold, coverage, accuracy}]}.
 */
public final class Evaluation {

    public static final double[] COVERAGE_THRESHOLDS = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    private Evaluation() {
    }

    public static Map<String, Object> evaluate(TargetResults queue, TargetResults priority, List<String> languages,
                                               int skippedRows, Map<String, Double> queueThresholds) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", queue.size());
        out.put("skipped_rows", skippedRows);
        Map<String, Object> q = target(queue);
        if (queueThresholds != null && !queueThresholds.isEmpty()) {
            q.put("review_thresholds", reviewCoverage(queue, queueThresholds));
        }
        out.put("queue", q);
        out.put("priority", target(priority));
        out.put("per_language", perLanguage(queue, priority, languages));
        int high = priority.labels().indexOf("high");
        int low = priority.labels().indexOf("low");
        out.put("high_to_low_rate", inversion(priority, high, low));
        out.put("low_to_high_rate", inversion(priority, low, high));
        Map<String, Object> ece = new LinkedHashMap<>();
        ece.put("queue", q.get("ece"));
        ece.put("priority", ((Map<?, ?>) out.get("priority")).get("ece"));
        out.put("ece", ece);
        out.put("accuracy_at_coverage", q.get("accuracy_at_coverage"));
        return out;
    }

    static Map<String, Object> target(TargetResults r) {
        List<String> labels = r.labels();
        int k = labels.size();
        int n = r.size();
        long[][] confusion = new long[k][k];
        int correct = 0;
        int[] support = new int[k];
        int[] predictedCount = new int[k];
        int[] truePositive = new int[k];
        for (int i = 0; i < n; i++) {
            int t = r.truth(i);
            int p = r.predicted(i);
            if (t == p && t >= 0) {
                correct++;
                truePositive[t]++;
            }
            if (t >= 0) {
                support[t]++;
                if (p >= 0) {
                    confusion[t][p]++;
                }
            }
            if (p >= 0) {
                predictedCount[p]++;
            }
        }
        Map<String, Object> perClass = new LinkedHashMap<>();
        double macro = 0;
        double weighted = 0;
        for (int c = 0; c < k; c++) {
            double precision = predictedCount[c] == 0 ? 0 : (double) truePositive[c] / predictedCount[c];
            double recall = support[c] == 0 ? 0 : (double) truePositive[c] / support[c];
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("precision", round(precision));
            m.put("recall", round(recall));
            m.put("f1", round(f1));
            m.put("support", support[c]);
            perClass.put(labels.get(c), m);
            macro += f1 / k;
            weighted += n == 0 ? 0 : f1 * support[c] / n;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accuracy", round(n == 0 ? 0 : (double) correct / n));
        out.put("macro_f1", round(macro));
        out.put("weighted_f1", round(weighted));
        out.put("per_class", perClass);
        List<Object> matrix = new ArrayList<>();
        for (long[] row : confusion) {
            List<Object> cells = new ArrayList<>();
            for (long v : row) {
                cells.add(v);
            }
            matrix.add(cells);
        }
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("labels", labels);
        conf.put("matrix", matrix);
        out.put("confusion", conf);
        out.put("ece", round(ece(r)));
        out.put("accuracy_at_coverage", accuracyAtCoverage(r));
        return out;
    }

    static double ece(TargetResults r) {
        boolean[] ok = new boolean[r.size()];
        for (int i = 0; i < ok.length; i++) {
            ok[i] = r.truth(i) == r.predicted(i);
        }
        return ConfidenceCalibrator.expectedCalibrationError(r.confidenceArray(), ok, 10);
    }

    static List<Object> accuracyAtCoverage(TargetResults r) {
        List<Object> points = new ArrayList<>();
        for (double t : COVERAGE_THRESHOLDS) {
            int covered = 0;
            int ok = 0;
            for (int i = 0; i < r.size(); i++) {
                if (r.confidence(i) >= t) {
                    covered++;
                    if (r.truth(i) == r.predicted(i)) {
                        ok++;
                    }
                }
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("threshold", t);
            p.put("coverage", round(r.size() == 0 ? 0 : (double) covered / r.size()));
            p.put("accuracy", covered == 0 ? null : round((double) ok / covered));
            p.put("rows", covered);
            points.add(p);
        }
        return points;
    }

    private static Map<String, Object> reviewCoverage(TargetResults r, Map<String, Double> thresholds) {
        int covered = 0;
        int ok = 0;
        for (int i = 0; i < r.size(); i++) {
            int p = r.predicted(i);
            Double t = p >= 0 ? thresholds.get(r.labels().get(p)) : null;
            if (t != null && r.confidence(i) >= t) {
                covered++;
                if (r.truth(i) == p) {
                    ok++;
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("auto_routed_share", round(r.size() == 0 ? 0 : (double) covered / r.size()));
        m.put("auto_routed_accuracy", covered == 0 ? null : round((double) ok / covered));
        m.put("thresholds", thresholds);
        return m;
    }

    private static Map<String, Object> perLanguage(TargetResults queue, TargetResults priority, List<String> languages) {
        Map<String, int[]> counts = new TreeMap<>();
        for (int i = 0; i < languages.size(); i++) {
            int[] c = counts.computeIfAbsent(languages.get(i), l -> new int[3]);
            c[0]++;
            if (queue.truth(i) == queue.predicted(i)) {
                c[1]++;
            }
            if (priority.truth(i) == priority.predicted(i)) {
                c[2]++;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        counts.forEach((lang, c) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rows", c[0]);
            m.put("queue_accuracy", round((double) c[1] / c[0]));
            m.put("priority_accuracy", round((double) c[2] / c[0]));
            out.put(lang, m);
        });
        return out;
    }

    private static double inversion(TargetResults priority, int from, int to) {
        if (from < 0 || to < 0) {
            return 0;
        }
        int n = 0;
        int wrong = 0;
        for (int i = 0; i < priority.size(); i++) {
            if (priority.truth(i) == from) {
                n++;
                if (priority.predicted(i) == to) {
                    wrong++;
                }
            }
        }
        return n == 0 ? 0 : round((double) wrong / n);
    }

    static double round(double v) {
        return Math.round(v * 10000.0) / 10000.0;
    }
}
