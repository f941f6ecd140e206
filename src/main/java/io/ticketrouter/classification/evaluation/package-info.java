/**
 * Measuring a classifier on labelled rows: accuracy, macro and weighted F1, per-class figures,
 * confusion matrices, per-language accuracy, priority inversions, calibration error and accuracy
 * at coverage, as an {@link io.ticketrouter.classification.evaluation.EvaluationReport} (records that the bundle writes
 * to {@code evaluation.json} and {@code evaluate --json} prints).
 *
 * <p>Depends on {@code calibration}, {@code data}, the classifier contract and the JDK.
 */
package io.ticketrouter.classification.evaluation;
