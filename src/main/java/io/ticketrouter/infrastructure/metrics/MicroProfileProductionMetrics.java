package io.ticketrouter.infrastructure.metrics;

import io.ticketrouter.application.ProductionMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Snapshot;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Counters and the latency timer in the application registry. In Prometheus format they read
 * {@code ticketrouter_tickets_classified_total{queue,priority}}, {@code ticketrouter_tickets_routed_total{route}}
 * ({@code auto} or {@code review}) and {@code ticketrouter_classification} (a summary: quantiles, {@code _count}, {@code _sum}, {@code _max}).
 */
@ApplicationScoped
public class MicroProfileProductionMetrics implements ProductionMetrics {

    static final String CLASSIFIED = "ticketrouter_tickets_classified";
    static final String ROUTED = "ticketrouter_tickets_routed";
    static final String LATENCY = "ticketrouter_classification";

    @Inject
    MetricRegistry registry;

    private volatile Timer timer;

    @Override
    public void classification(long nanos) {
        timer().update(Duration.ofNanos(nanos));
    }

    @Override
    public void ticketClassified(String queue, String priority, boolean needsReview) {
        registry.counter(
                        Metadata.builder()
                                .withName(CLASSIFIED)
                                .withDescription("Tickets classified and stored, by routed queue and priority")
                                .build(),
                        new Tag("queue", queue),
                        new Tag("priority", priority))
                .inc();
        registry.counter(
                        Metadata.builder()
                                .withName(ROUTED)
                                .withDescription("Tickets routed automatically (auto) or flagged for review (review)")
                                .build(),
                        new Tag("route", needsReview ? "review" : "auto"))
                .inc();
    }

    /** The latency figures since start, in milliseconds, for the dashboard. */
    Map<String, Number> latency() {
        Timer t = timer();
        Snapshot s = t.getSnapshot();
        Map<String, Number> m = new LinkedHashMap<>();
        m.put("count", t.getCount());
        m.put("mean_ms", round(s.getMean() / 1e6));
        m.put("max_ms", round(s.getMax() / 1e6));
        for (Snapshot.PercentileValue p : s.percentileValues()) {
            double q = p.getPercentile();
            if (q == 0.5 || q == 0.95 || q == 0.99) {
                m.put("p" + Math.round(q * 100) + "_ms", round(p.getValue() / 1e6));
            }
        }
        return m;
    }

    private Timer timer() {
        Timer t = timer;
        if (t == null) {
            t = registry.timer(Metadata.builder()
                    .withName(LATENCY)
                    .withDescription("Time the classifier takes for one ticket (predictions and new tickets)")
                    .build());
            timer = t;
        }
        return t;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
