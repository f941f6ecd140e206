package io.ticketrouter.classification.calibration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-queue confidence thresholds: a ticket predicted for queue q is auto-routed when its calibrated
 * confidence reaches q's threshold, otherwise a human reviews it. Each threshold is the lowest value
 * (on a 0.01 grid) at which the held-out precision of predictions for q reaches the target precision,
 * with at least {@link #MIN_SUPPORT} predictions above it; a queue that never reaches the target gets
 * 1.0 (always review) — honest rather than optimistic.
 */
public final class ReviewThresholds {

    public static final double DEFAULT_TARGET_PRECISION = 0.80;
    static final int MIN_SUPPORT = 5;

    private ReviewThresholds() {}

    /**
     * @param predicted  predicted class per held-out row
     * @param confidence calibrated confidence of the prediction
     * @param truth      true class per row
     */
    public static Map<String, Double> choose(
            List<String> labels, int[] predicted, double[] confidence, int[] truth, double targetPrecision) {
        if (!(targetPrecision > 0 && targetPrecision <= 1)) {
            throw new IllegalArgumentException("target precision must be in (0, 1], got " + targetPrecision);
        }
        Map<String, Double> thresholds = new LinkedHashMap<>();
        for (int q = 0; q < labels.size(); q++) {
            double chosen = 1.0;
            for (int step = 0; step <= 100; step++) {
                double t = step / 100.0;
                int n = 0;
                int ok = 0;
                for (int r = 0; r < predicted.length; r++) {
                    if (predicted[r] == q && confidence[r] >= t) {
                        n++;
                        if (truth[r] == q) {
                            ok++;
                        }
                    }
                }
                if (n >= MIN_SUPPORT && ok >= targetPrecision * n) {
                    chosen = t;
                    break;
                }
            }
            thresholds.put(labels.get(q), chosen);
        }
        return thresholds;
    }
}
