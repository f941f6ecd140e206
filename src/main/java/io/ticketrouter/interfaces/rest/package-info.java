/**
 * The REST API under {@code /api} (JAX-RS + JSON-B, snake_case JSON, errors as {@code application/problem+json}).
 * Resources are thin: they validate input, call the application layer or the classifier, and map the result.
 *
 * <p>May depend on {@code io.ticketrouter.application} and {@code io.ticketrouter.classification}; nothing depends on
 * this package.
 */
package io.ticketrouter.interfaces.rest;
