/**
 * Measuring a classifier on labelled rows: accuracy, macro and weighted F1, per-class figures,
 * confusion matrices, per-language accuracy, priority inversions, calibration error and accuracy
 * at coverage, as plain maps ready for JSON ({@code evaluation.json}, {@code evaluate --json}).
 *
 * <p>Depends on {@code calibration}, {@code data}, the classifier contract and the JDK.
 */
package io.ticketrouter.classification.evaluation;
