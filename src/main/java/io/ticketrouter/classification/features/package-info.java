/**
 * Fitted feature extraction: terms (word 1-2 grams, optional character n-grams, subject weighting)
 * → TF-IDF vectors over a vocabulary chosen by chi² on the training rows only, optionally followed by class scores.
 *
 * <p>Depends on {@code text} and the JDK. The fitted {@link io.ticketrouter.classification.features.FeatureSpace}
 * (vectorizer, class scores and the layout of the forests' input) is immutable and is stored in the bundle, so
 * prediction applies exactly what training fitted.
 */
package io.ticketrouter.classification.features;
