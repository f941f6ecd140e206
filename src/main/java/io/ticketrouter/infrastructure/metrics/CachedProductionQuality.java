package io.ticketrouter.infrastructure.metrics;

import io.ticketrouter.application.ClassifierRegistry;
import io.ticketrouter.application.ModelStatus;
import io.ticketrouter.application.ProductionQuality;
import io.ticketrouter.application.QualityReport;
import io.ticketrouter.application.QualityReport.Group;
import io.ticketrouter.application.QualityStatistics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Computes the {@link QualityReport} with one grouped query and keeps it for {@code ticketrouter.quality.cache.seconds}
 * (default 10), so neither the dashboard nor a Prometheus scrape puts load on the database. The same figures are
 * exported as gauges: {@code ticketrouter_queue_agreement_ratio{model_version,queue}},
 * {@code ticketrouter_priority_agreement_ratio{model_version}}, {@code ticketrouter_auto_routed_ratio{model_version}}
 * and, over all tickets, {@code ticketrouter_queue_agreement_ratio{model_version="all",queue="all"}} etc. A gauge is
 * registered the first time its group shows up in a report (never during a scrape of an existing gauge).
 */
@ApplicationScoped
public class CachedProductionQuality implements ProductionQuality {

    private static final Logger LOG = Logger.getLogger(CachedProductionQuality.class.getName());
    static final String QUEUE_AGREEMENT = "ticketrouter_queue_agreement_ratio";
    static final String PRIORITY_AGREEMENT = "ticketrouter_priority_agreement_ratio";
    static final String AUTO_ROUTED = "ticketrouter_auto_routed_ratio";

    @Inject
    QualityStatistics statistics;

    @Inject
    ClassifierRegistry classifiers;

    @Inject
    MicroProfileProductionMetrics metrics;

    @Inject
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "ticketrouter.quality.cache.seconds", defaultValue = "10")
    int cacheSeconds;

    private volatile QualityReport cached;
    private volatile long cachedAt;
    /** Agreement figures per (version, queue) for the gauges: key "version\u0000queue". */
    private final Map<String, Group> byVersionAndQueue = new ConcurrentHashMap<>();

    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    @Override
    public QualityReport report() {
        QualityReport r = cached;
        if (r == null || System.nanoTime() - cachedAt > cacheSeconds * 1_000_000_000L) {
            r = compute();
        }
        return r;
    }

    /** Called by the gauges: the cached figures only (no query during a scrape unless they are stale). */
    private Double gauge(Function<QualityReport, Double> f) {
        try {
            Double v = f.apply(report());
            return v == null ? Double.NaN : v;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private synchronized QualityReport compute() {
        if (cached != null && System.nanoTime() - cachedAt <= cacheSeconds * 1_000_000_000L) {
            return cached;
        }
        List<QualityStatistics.Row> rows = statistics.rows();
        Map<String, Acc> queues = new TreeMap<>();
        Map<String, Acc> versions = new TreeMap<>();
        Map<String, Acc> versionQueues = new TreeMap<>();
        Acc all = new Acc();
        for (QualityStatistics.Row row : rows) {
            all.add(row);
            queues.computeIfAbsent(row.predictedQueue(), k -> new Acc()).add(row);
            versions.computeIfAbsent(row.modelVersion(), k -> new Acc()).add(row);
            versionQueues
                    .computeIfAbsent(row.modelVersion() + "\u0000" + row.predictedQueue(), k -> new Acc())
                    .add(row);
        }
        List<Group> byQueue = new ArrayList<>();
        queues.forEach((k, a) -> byQueue.add(a.group(k)));
        List<Group> byModel = new ArrayList<>();
        versions.forEach((k, a) -> byModel.add(a.group(k)));
        versionQueues.forEach((k, a) -> byVersionAndQueue.put(k, a.group(k)));
        ModelStatus status = classifiers.status();
        QualityReport report = new QualityReport(
                Instant.now(),
                status.ready() ? status.info().version() : null,
                all.group("all"),
                List.copyOf(byQueue),
                List.copyOf(byModel),
                metrics.latency());
        cached = report;
        cachedAt = System.nanoTime();
        registerGauges(report);
        return report;
    }

    private void registerGauges(QualityReport report) {
        try {
            gaugeOnce(QUEUE_AGREEMENT, "all", "all", r -> r.overall().queueAgreement());
            gaugeOnce(PRIORITY_AGREEMENT, "all", null, r -> r.overall().priorityAgreement());
            gaugeOnce(AUTO_ROUTED, "all", null, r -> r.overall().autoRoutedShare());
            for (Group g : report.byModel()) {
                String v = g.key();
                gaugeOnce(PRIORITY_AGREEMENT, v, null, r -> find(r.byModel(), v, Group::priorityAgreement));
                gaugeOnce(AUTO_ROUTED, v, null, r -> find(r.byModel(), v, Group::autoRoutedShare));
            }
            for (String key : byVersionAndQueue.keySet()) {
                String[] parts = key.split("\u0000", 2);
                gaugeOnce(QUEUE_AGREEMENT, parts[0], parts[1], r -> {
                    Group g = byVersionAndQueue.get(key);
                    return g == null ? null : g.queueAgreement();
                });
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot register the quality gauges", e);
        }
    }

    private void gaugeOnce(String name, String version, String queue, Function<QualityReport, Double> f) {
        String id = name + "|" + version + "|" + queue;
        if (!registered.add(id)) {
            return;
        }
        Tag[] tags = queue == null
                ? new Tag[] {new Tag("model_version", version)}
                : new Tag[] {new Tag("model_version", version), new Tag("queue", queue)};
        String description = switch (name) {
            case QUEUE_AGREEMENT -> "Share of tickets whose final queue is the predicted one";
            case PRIORITY_AGREEMENT -> "Share of tickets whose final priority is the predicted one";
            default -> "Share of tickets routed without review";
        };
        registry.gauge(
                Metadata.builder().withName(name).withDescription(description).build(), () -> gauge(f), tags);
    }

    private static Double find(List<Group> groups, String key, Function<Group, Double> f) {
        for (Group g : groups) {
            if (g.key().equals(key)) {
                return f.apply(g);
            }
        }
        return null;
    }

    private static final class Acc {
        long tickets;
        long review;
        long queueAgreed;
        long priorityAgreed;
        long corrected;

        void add(QualityStatistics.Row r) {
            tickets += r.tickets();
            review += r.needsReview();
            queueAgreed += r.queueAgreed();
            priorityAgreed += r.priorityAgreed();
            corrected += r.corrected();
        }

        Group group(String key) {
            long auto = tickets - review;
            return new Group(key, tickets, auto, corrected, ratio(queueAgreed), ratio(priorityAgreed), ratio(auto));
        }

        private Double ratio(long part) {
            return tickets == 0 ? null : Math.round(part * 10_000.0 / tickets) / 10_000.0;
        }
    }
}
