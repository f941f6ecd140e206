/**
 * Loads the model bundle at start-up and hands the classifier to the application
 * ({@link io.ticketrouter.application.ClassifierRegistry}).
 *
 * <p>May depend on the classification contract and its bundle loader, the application interfaces it implements, CDI
 * and MicroProfile Config.
 */
package io.ticketrouter.infrastructure.classification;
