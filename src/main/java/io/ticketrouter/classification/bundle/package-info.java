/**
 * The model bundle: a directory holding everything a trained classifier needs (format version,
 * manifest with checksums, provenance, vocabulary and IDF, both forests in Ticket Router's compact
 * binary format, calibration, review thresholds, evaluation figures and charts), the immutable
 * {@link io.ticketrouter.classification.bundle.ModelBundle} that classifies with it, and
 * {@link io.ticketrouter.classification.bundle.ModelBundles}, which loads a bundle (the server, the CLI) and writes
 * one (training). {@link io.ticketrouter.classification.bundle.BundleFiles} describes the layout,
 * {@link io.ticketrouter.classification.bundle.BundleWriter} and {@link io.ticketrouter.classification.bundle.BundleReader}
 * write and read it, {@link io.ticketrouter.classification.bundle.BundleManifest} checks what was read.
 *
 * <p>Depends on {@code text}, {@code features}, {@code forest}, {@code calibration}, {@code evaluation} (the figures it
 * stores), Jackson ({@link io.ticketrouter.classification.bundle.BundleJson}) and the JDK (charts are drawn by
 * {@code training}, which writes them into the bundle). Nothing is Java-deserialized: every file is JSON, TSV or a checked binary format.
 */
package io.ticketrouter.classification.bundle;
