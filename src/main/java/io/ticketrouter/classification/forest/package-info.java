/**
 * The forests: Weka {@code RandomForest} training (class-balanced, seeded, all cores) and the compact
 * array form Ticket Router predicts with, stores in bundles and explains predictions from.
 *
 * <p>Depends on Weka (training only, {@link io.ticketrouter.classification.forest.WekaForestTrainer})
 * and the JDK. {@link io.ticketrouter.classification.forest.CompactForest} needs no Weka at all.
 */
package io.ticketrouter.classification.forest;
