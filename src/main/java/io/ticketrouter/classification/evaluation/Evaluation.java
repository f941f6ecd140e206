package io.ticketrouter.classification.evaluation;

import io.ticketrouter.classification.calibration.ConfidenceCalibrator;
import io.ticketrouter.classification.evaluation.EvaluationReport.ByTarget;
import io.ticketrouter.classification.evaluation.EvaluationReport.ClassFigures;
import io.ticketrouter.classification.evaluation.EvaluationReport.Confusion;
import io.ticketrouter.classification.evaluation.EvaluationReport.CoveragePoint;
import io.ticketrouter.classification.evaluation.EvaluationReport.LanguageFigures;
import io.ticketrouter.classification.evaluation.EvaluationReport.ReviewCoverage;
import io.ticketrouter.classification.evaluation.EvaluationReport.TargetFigures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Computes the {@link EvaluationReport} of a model (see MODEL_CARD.md) from collected predictions. */
public final class Evaluation {

    public static final double[] COVERAGE_THRESHOLDS = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    private Evaluation() {}

    public static EvaluationReport evaluate(
            TargetResults queue,
            TargetResults priority,
            List<String> languages,
            int skippedRows,
            Map<String, Double> queueThresholds) {
        TargetFigures q = target(
                queue,
                queueThresholds != null && !queueThresholds.isEmpty() ? reviewCoverage(queue, queueThresholds) : null);
        TargetFigures p = target(priority, null);
        int high = priority.labels().indexOf("high");
        int low = priority.labels().indexOf("low");
        return new EvaluationReport(
                queue.size(),
                skippedRows,
                q,
                p,
                perLanguage(queue, priority, languages),
                inversion(priority, high, low),
                inversion(priority, low, high),
                new ByTarget(q.ece(), p.ece()),
                q.accuracyAtCoverage());
    }

    static TargetFigures target(TargetResults r, ReviewCoverage reviewThresholds) {
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
        Map<String, ClassFigures> perClass = new LinkedHashMap<>();
        double macro = 0;
        double weighted = 0;
        for (int c = 0; c < k; c++) {
            double precision = predictedCount[c] == 0 ? 0 : (double) truePositive[c] / predictedCount[c];
            double recall = support[c] == 0 ? 0 : (double) truePositive[c] / support[c];
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.put(labels.get(c), new ClassFigures(round(precision), round(recall), round(f1), support[c]));
            macro += f1 / k;
            weighted += n == 0 ? 0 : f1 * support[c] / n;
        }
        List<List<Long>> matrix = new ArrayList<>();
        for (long[] row : confusion) {
            List<Long> cells = new ArrayList<>();
            for (long v : row) {
                cells.add(v);
            }
            matrix.add(List.copyOf(cells));
        }
        return new TargetFigures(
                round(n == 0 ? 0 : (double) correct / n),
                round(macro),
                round(weighted),
                Collections.unmodifiableMap(perClass),
                new Confusion(labels, List.copyOf(matrix)),
                round(ece(r)),
                accuracyAtCoverage(r),
                reviewThresholds);
    }

    static double ece(TargetResults r) {
        boolean[] ok = new boolean[r.size()];
        for (int i = 0; i < ok.length; i++) {
            ok[i] = r.truth(i) == r.predicted(i);
        }
        return ConfidenceCalibrator.expectedCalibrationError(r.confidenceArray(), ok, 10);
    }

    static List<CoveragePoint> accuracyAtCoverage(TargetResults r) {
        List<CoveragePoint> points = new ArrayList<>();
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
            points.add(new CoveragePoint(
                    t,
                    round(r.size() == 0 ? 0 : (double) covered / r.size()),
                    covered == 0 ? null : round((double) ok / covered),
                    covered));
        }
        return List.copyOf(points);
    }

    private static ReviewCoverage reviewCoverage(TargetResults r, Map<String, Double> thresholds) {
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
        return new ReviewCoverage(
                round(r.size() == 0 ? 0 : (double) covered / r.size()),
                covered == 0 ? null : round((double) ok / covered),
                thresholds);
    }

    private static Map<String, LanguageFigures> perLanguage(
            TargetResults queue, TargetResults priority, List<String> languages) {
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
        Map<String, LanguageFigures> out = new LinkedHashMap<>();
        counts.forEach((lang, c) ->
                out.put(lang, new LanguageFigures(c[0], round((double) c[1] / c[0]), round((double) c[2] / c[0]))));
        return Collections.unmodifiableMap(out);
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
