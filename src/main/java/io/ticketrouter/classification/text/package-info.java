/**
 * Turning ticket text into terms: language detection, tokenization, lower-casing, stopwords and
 * optional stemming, per language (en, de, es, fr, pt; anything else falls back to a generic path).
 *
 * <p>Depends on OpenNLP and the JDK only. The OpenNLP models are loaded once per JVM by
 * {@link io.ticketrouter.classification.text.NlpModels}; everything here is safe for concurrent use.
 */
package io.ticketrouter.classification.text;
