package io.ticketrouter.classification.evaluation;

import java.util.List;
import java.util.Map;

/**
 * The evaluation figures of a model on labelled rows (see MODEL_CARD.md), as {@code evaluate --json} prints them and
 * the bundle's {@code evaluation.json} stores them. In JSON every component is the snake_case key of its name
 * ({@code highToLowRate} is {@code high_to_low_rate}), in declaration order; ratios are rounded to four decimals.
 *
 * @param rows               rows evaluated
 * @param skippedRows        rows of the input that could not be used
 * @param queue              queue figures, with the review-threshold coverage when the model has thresholds
 * @param priority           priority figures
 * @param perLanguage        accuracy per detected (or given) language, by language code in alphabetical order
 * @param highToLowRate      share of high-priority rows predicted low
 * @param lowToHighRate      share of low-priority rows predicted high
 * @param ece                expected calibration error of both targets (the same as in {@code queue} and {@code priority})
 * @param accuracyAtCoverage the queue's accuracy at coverage (the same as in {@code queue})
 */
public record EvaluationReport(
        int rows,
        int skippedRows,
        TargetFigures queue,
        TargetFigures priority,
        Map<String, LanguageFigures> perLanguage,
        double highToLowRate,
        double lowToHighRate,
        ByTarget ece,
        List<CoveragePoint> accuracyAtCoverage) {

    /**
     * The figures of one target (queue or priority).
     *
     * @param perClass         precision, recall, F1 and support per label, in the model's label order
     * @param ece              expected calibration error (10 bins)
     * @param reviewThresholds what the per-queue review thresholds route automatically; null (and absent from JSON)
     *                         for priority and for models without thresholds
     */
    public record TargetFigures(
            double accuracy,
            double macroF1,
            double weightedF1,
            Map<String, ClassFigures> perClass,
            Confusion confusion,
            double ece,
            List<CoveragePoint> accuracyAtCoverage,
            ReviewCoverage reviewThresholds) {}

    /** Precision, recall and F1 of one label; support is its number of rows. */
    public record ClassFigures(double precision, double recall, double f1, int support) {}

    /** Confusion matrix: rows are true labels, columns predicted labels, both in {@code labels} order. */
    public record Confusion(List<String> labels, List<List<Long>> matrix) {}

    /**
     * Rows whose confidence is at least {@code threshold}: their share ({@code coverage}), number and accuracy (null
     * when no row reaches the threshold).
     */
    public record CoveragePoint(double threshold, double coverage, Double accuracy, int rows) {}

    /** Rows at or above their predicted queue's review threshold: their share and accuracy (null when none). */
    public record ReviewCoverage(double autoRoutedShare, Double autoRoutedAccuracy, Map<String, Double> thresholds) {}

    /** Rows of one language and the share of them with the right queue and the right priority. */
    public record LanguageFigures(int rows, double queueAccuracy, double priorityAccuracy) {}

    /** One figure for each target. */
    public record ByTarget(double queue, double priority) {}
}
