package io.ticketrouter.classification.bundle;

import io.ticketrouter.classification.evaluation.EvaluationReport;

/**
 * The held-out figures stored with a bundle ({@code evaluation.json}): out-of-bag figures on the training rows and,
 * when {@code train --test FILE} gave one, figures on a test file. In JSON:
 * {@code {"out_of_bag": {<report>, "uncalibrated_ece": {queue, priority}}, "test": {"file": name, <report>}}}, each
 * part absent when null.
 *
 * @param outOfBag        out-of-bag figures (each training row judged by the trees that did not see it)
 * @param uncalibratedEce out-of-bag calibration error of the raw vote shares, before calibration
 * @param testFile        name of the test file, null without test figures
 * @param test            figures on the test file, null without one
 */
public record BundleEvaluation(
        EvaluationReport outOfBag, EvaluationReport.ByTarget uncalibratedEce, String testFile, EvaluationReport test) {

    public BundleEvaluation {
        if ((testFile == null) != (test == null)) {
            throw new IllegalArgumentException("test figures need the test file's name, and the other way round");
        }
    }

    /** Out-of-bag figures only. */
    public static BundleEvaluation outOfBag(EvaluationReport outOfBag, EvaluationReport.ByTarget uncalibratedEce) {
        return new BundleEvaluation(outOfBag, uncalibratedEce, null, null);
    }

    /** The same out-of-bag figures with figures on a test file. */
    public BundleEvaluation withTest(String file, EvaluationReport figures) {
        return new BundleEvaluation(outOfBag, uncalibratedEce, file, figures);
    }

    /** The figures charts and summaries show: the test file's when there is one, otherwise out-of-bag. */
    public EvaluationReport heldOut() {
        return test != null ? test : outOfBag;
    }
}
