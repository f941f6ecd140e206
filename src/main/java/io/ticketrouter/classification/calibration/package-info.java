/**
 * Making confidence mean what it says: a calibration map fitted on held-out (out-of-bag)
 * predictions, expected calibration error, and per-queue review thresholds for a target precision.
 *
 * <p>Depends on the JDK only.
 */
package io.ticketrouter.classification.calibration;
