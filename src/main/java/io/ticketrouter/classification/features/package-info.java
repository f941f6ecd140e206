/**
 * Fitted feature extraction: terms (word 1-2 grams, optional character n-grams, subject weighting)
 * → TF-IDF vectors over a vocabulary chosen by chi² on the training rows only.
 *
 * <p>Depends on {@code text} and the JDK. A fitted {@link io.ticketrouter.classification.features.TfidfVectorizer}
 * is immutable and is stored in the bundle, so prediction applies exactly what training fitted.
 */
package io.ticketrouter.classification.features;
