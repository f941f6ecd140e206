package io.ticketrouter.classification.bundle;

import io.ticketrouter.classification.calibration.ConfidenceCalibrator;
import io.ticketrouter.classification.features.FeatureOptions;
import io.ticketrouter.classification.features.FeatureSpace;
import java.util.Map;

/**
 * The bundle's small model files as records, written and read by {@link BundleJson} (keys are the snake_case
 * component names, in order). They are model files: their bytes are part of the model version.
 */
final class BundleDocuments {

    private BundleDocuments() {}

    /** {@code features.json}: the term extraction settings and the vocabulary size. */
    record Features(
            int subjectWeight,
            boolean bigrams,
            int charNgramMax,
            boolean stemming,
            boolean classScores,
            int vocabularySize) {

        static Features of(FeatureSpace space) {
            FeatureOptions o = space.options();
            return new Features(
                    o.subjectWeight(),
                    o.bigrams(),
                    o.charNgramMax(),
                    o.stemming(),
                    o.classScores(),
                    space.vectorizer().size());
        }

        /** @throws IllegalArgumentException when the settings are out of range */
        FeatureOptions options() {
            return new FeatureOptions(subjectWeight, bigrams, charNgramMax, stemming, classScores);
        }
    }

    /** {@code calibration.json}: how the maps were fitted and the isotonic map of each target. */
    record Calibration(String method, Knots queue, Knots priority) {

        static final String METHOD =
                "isotonic map of the top-class vote share to accuracy, fitted on out-of-bag predictions";

        Calibration {
            if (queue == null || priority == null) {
                throw new IllegalArgumentException("needs \"queue\" and \"priority\"");
            }
        }

        static Calibration of(ConfidenceCalibrator queue, ConfidenceCalibrator priority) {
            return new Calibration(METHOD, Knots.of(queue), Knots.of(priority));
        }
    }

    /** One isotonic map: vote shares ({@code knots}) and the accuracy they stand for ({@code values}). */
    record Knots(double[] knots, double[] values) {

        Knots {
            if (knots == null || values == null) {
                throw new IllegalArgumentException("needs \"knots\" and \"values\"");
            }
        }

        static Knots of(ConfidenceCalibrator c) {
            return new Knots(c.knots(), c.values());
        }

        /** @throws IllegalArgumentException when the knots are not a valid map */
        ConfidenceCalibrator calibrator() {
            return new ConfidenceCalibrator(knots, values);
        }
    }

    /** {@code thresholds.json}: the precision the queue review thresholds aim for, and the threshold per queue. */
    record Thresholds(double targetPrecision, Map<String, Double> queue) {

        Thresholds {
            if (queue == null || queue.containsValue(null)) {
                throw new IllegalArgumentException("needs a number per queue in \"queue\"");
            }
        }
    }
}
