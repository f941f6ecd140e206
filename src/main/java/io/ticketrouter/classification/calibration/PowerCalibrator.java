package io.ticketrouter.classification.calibration;

/**
 * Sharpens or flattens forest probabilities: {@code p_i' = p_i^a / sum_j p_j^a} (temperature scaling
 * on log-probabilities, with a small floor so zero votes stay possible). One parameter, fitted by
 * minimising the log-loss on held-out predictions; it never changes which class ranks first, so it
 * cannot cost accuracy. Random forests tend to spread their votes (under-confident), which gives a > 1.
 */
public final class PowerCalibrator {

    static final double FLOOR = 1e-4;

    private final double exponent;

    public PowerCalibrator(double exponent) {
        if (!(exponent > 0 && exponent < 100)) {
            throw new IllegalArgumentException("calibration exponent must be in (0, 100), got " + exponent);
        }
        this.exponent = exponent;
    }

    public static PowerCalibrator identity() {
        return new PowerCalibrator(1.0);
    }

    public double exponent() {
        return exponent;
    }

    public double[] apply(double[] p) {
        double[] out = new double[p.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            out[i] = Math.pow(p[i] + FLOOR, exponent);
            sum += out[i];
        }
        for (int i = 0; i < p.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    /** Fits the exponent on held-out distributions and true classes (golden-section search on log-loss). */
    public static PowerCalibrator fit(double[][] probabilities, int[] truth) {
        double lo = 0.25;
        double hi = 8.0;
        double phi = (Math.sqrt(5) - 1) / 2;
        double a = hi - phi * (hi - lo);
        double b = lo + phi * (hi - lo);
        double fa = logLoss(probabilities, truth, a);
        double fb = logLoss(probabilities, truth, b);
        for (int i = 0; i < 60; i++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - phi * (hi - lo);
                fa = logLoss(probabilities, truth, a);
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + phi * (hi - lo);
                fb = logLoss(probabilities, truth, b);
            }
        }
        return new PowerCalibrator((lo + hi) / 2);
    }

    private static double logLoss(double[][] probabilities, int[] truth, double exponent) {
        PowerCalibrator c = new PowerCalibrator(exponent);
        double loss = 0;
        for (int r = 0; r < truth.length; r++) {
            loss -= Math.log(c.apply(probabilities[r])[truth[r]]);
        }
        return loss / truth.length;
    }

    /**
     * Expected calibration error of the top-class confidence: rows in {@code bins} equal-width
     * confidence bins, weighted mean of |accuracy - mean confidence| per bin.
     */
    public static double expectedCalibrationError(double[] confidence, boolean[] correct, int bins) {
        double[] conf = new double[bins];
        double[] acc = new double[bins];
        int[] count = new int[bins];
        for (int i = 0; i < confidence.length; i++) {
            int b = Math.min(bins - 1, (int) (confidence[i] * bins));
            conf[b] += confidence[i];
            acc[b] += correct[i] ? 1 : 0;
            count[b]++;
        }
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                ece += Math.abs(acc[b] / count[b] - conf[b] / count[b]) * count[b] / confidence.length;
            }
        }
        return ece;
    }
}
