/**
 * The training pipeline: labelled rows → terms → fitted TF-IDF → two Weka forests → compact
 * forests, calibration and review thresholds → an evaluated {@link io.ticketrouter.classification.bundle.ModelBundle}.
 *
 * <p>Depends on every other classification package and xchart (the bundle's PNG charts); nothing
 * depends on it except the CLI (and the server when it trains a first bundle).
 */
package io.ticketrouter.classification.training;
