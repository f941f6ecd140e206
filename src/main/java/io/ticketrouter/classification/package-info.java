/**
 * The classifier contract the rest of Ticket Router codes against: {@link io.ticketrouter.classification.TicketText}
 * in, {@link io.ticketrouter.classification.Prediction} out, through an immutable, thread-safe
 * {@link io.ticketrouter.classification.TicketClassifier} loaded by
 * {@link io.ticketrouter.classification.bundle.ModelBundles#load}.
 *
 * <p>Sub-packages follow the data flow: {@code data} (CSV rows) → {@code text} (terms) →
 * {@code features} (TF-IDF, class scores) → {@code forest} (Weka training, compact trees) →
 * {@code calibration} → {@code bundle} (files, loaded classifier) → {@code evaluation};
 * {@code training} drives the flow. The contract types depend on nothing but the JDK.
 */
package io.ticketrouter.classification;
