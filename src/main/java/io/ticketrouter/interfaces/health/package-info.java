/**
 * MicroProfile Health checks: liveness, and readiness that is DOWN with the reason until a model is loaded.
 *
 * <p>May depend on application interfaces and MicroProfile Health.
 */
package io.ticketrouter.interfaces.health;
