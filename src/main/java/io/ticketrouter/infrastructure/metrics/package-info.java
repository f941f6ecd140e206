/**
 * Production monitoring with MicroProfile Metrics ({@code /metrics}, Prometheus format): counters and the latency
 * timer the application reports through {@link io.ticketrouter.application.ProductionMetrics}, and the agreement
 * and auto-routing gauges computed from the database ({@link io.ticketrouter.application.ProductionQuality}).
 *
 * <p>May depend on the application interfaces it implements, CDI, Jakarta Concurrency and MicroProfile Metrics.
 */
package io.ticketrouter.infrastructure.metrics;
