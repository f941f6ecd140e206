package io.ticketrouter.routing;

import io.ticketrouter.application.PluginStatus;
import io.ticketrouter.classification.Prediction;
import io.ticketrouter.spi.HelpdeskConnector;
import io.ticketrouter.spi.ModelPrediction;
import io.ticketrouter.spi.RoutingChange;
import io.ticketrouter.spi.RoutingRequest;
import io.ticketrouter.spi.RoutingRule;
import io.ticketrouter.spi.Ticket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes tickets with the rules and keyword lists of the current {@link PluginSnapshot}. Thread-safe.
 *
 * <p>For one ticket: the routing rules run in order, each on a bounded pool of plugin threads, and the caller waits
 * at most the time limit for each; a rule that throws, times out or names an unknown queue or priority is ignored
 * for this ticket and counted. A rule whose earlier calls still hang past the limit is skipped at once (counted as
 * a time-out) until one returns, so a hanging plugin costs neither threads nor latency for long. Built-in rules run
 * on the caller's thread. Then the urgent-keyword lists: any match sets priority {@code high} and marks the ticket
 * urgent, whatever the rules said.
 *
 * <p>{@link #reload()} builds a new snapshot and swaps it in atomically; requests already running finish with the old
 * one, whose class loaders are closed after a grace period.
 */
public final class RoutingEngine implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RoutingEngine.class.getName());
    private static final String HIGH = "high";

    private final RoutingOptions options;
    private final Supplier<PluginSettings> settings;
    private final Supplier<ModelLabels> labels;
    private final ClassLoader application;
    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService closer;
    private final AtomicReference<PluginSnapshot> current = new AtomicReference<>();
    private final AtomicLong generations = new AtomicLong();
    private final ReentrantLock reloading = new ReentrantLock();

    /**
     * Loads the plugins.
     *
     * @param settings    read at start-up and on every reload
     * @param labels      the loaded model's labels, read at start-up and on every reload
     * @param application the class loader whose class path is searched for plugins, and which provides the SPI
     */
    public RoutingEngine(
            RoutingOptions options,
            Supplier<PluginSettings> settings,
            Supplier<ModelLabels> labels,
            ClassLoader application) {
        this.options = options;
        this.settings = settings;
        this.labels = labels;
        this.application = application;
        this.executor = new ThreadPoolExecutor(
                options.threads(),
                options.threads(),
                30,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(1024),
                daemonThreads("ticketrouter-plugin-"));
        this.executor.allowCoreThreadTimeOut(true);
        this.closer = Executors.newSingleThreadScheduledExecutor(daemonThreads("ticketrouter-plugin-closer-"));
        current.set(loadSnapshot());
    }

    /** Routes one ticket. Never throws because of a plugin. */
    public RoutingOutcome route(RoutingInput input) {
        PluginSnapshot snapshot = current.get();
        Prediction prediction = input.prediction();
        Set<String> queues =
                labelsOf(prediction.queueProbabilities(), prediction.queue().label());
        Set<String> priorities = labelsOf(
                prediction.priorityProbabilities(), prediction.priority().label());
        Ticket ticket = new Ticket(input.subject(), input.body(), prediction.language(), input.senderAddress());
        ModelPrediction model = new ModelPrediction(
                prediction.queue().label(),
                prediction.queue().confidence(),
                prediction.priority().label(),
                prediction.priority().confidence(),
                prediction.queueProbabilities(),
                prediction.priorityProbabilities(),
                prediction.queueReviewThreshold(),
                prediction.keywords().stream().map(Prediction.Keyword::term).toList());

        String queue = model.queue();
        String priority = model.priority();
        boolean needsReview = false;
        String reviewReason = null;
        List<RoutingOutcome.FiredRule> fired = new ArrayList<>();

        for (PluginRecord rule : snapshot.rules) {
            RoutingRequest request =
                    new RoutingRequest(ticket, model, queue, priority, needsReview, queues, priorities);
            RoutingChange change = call(rule, request);
            if (change == null || change.isNone()) {
                continue;
            }
            String newQueue = change.newQueue().orElse(queue);
            String newPriority = change.newPriority().orElse(priority);
            if (!queues.contains(newQueue)) {
                rule.error("returned unknown queue '" + newQueue + "'; known queues: " + queues);
                continue;
            }
            if (!priorities.contains(newPriority)) {
                rule.error("returned unknown priority '" + newPriority + "'; known priorities: " + priorities);
                continue;
            }
            boolean newReview = change.newNeedsReview().orElse(needsReview);
            String reason = change.reason().orElseThrow();
            List<String> changes = new ArrayList<>();
            describe(changes, "queue", queue, newQueue);
            describe(changes, "priority", priority, newPriority);
            describe(changes, "needs review", needsReview, newReview);
            if (newReview && !needsReview) {
                reviewReason = reason;
            } else if (!newReview) {
                reviewReason = null;
            }
            queue = newQueue;
            priority = newPriority;
            needsReview = newReview;
            rule.fired.increment();
            fired.add(new RoutingOutcome.FiredRule(
                    rule.identity.name(), changes.isEmpty() ? "no change" : String.join("; ", changes), reason));
        }

        boolean urgent = false;
        String urgentReason = null;
        for (PluginRecord list : snapshot.keywordLists) {
            list.calls.increment();
        }
        Map<String, List<KeywordMatcher.Match>> matches =
                KeywordMatcher.byList(snapshot.matcher.find(ticket.language(), ticket.text()));
        for (Map.Entry<String, List<KeywordMatcher.Match>> entry : matches.entrySet()) {
            PluginRecord list = snapshot.keywordList(entry.getKey());
            String words = entry.getValue().stream()
                    .map(m -> "\"" + m.keyword() + "\"")
                    .distinct()
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("");
            String reason = "mentions " + words + " (" + entry.getValue().get(0).language() + ")";
            List<String> changes = new ArrayList<>();
            describe(changes, "priority", priority, HIGH);
            if (!urgent) {
                changes.add("urgent");
                urgentReason = reason;
            }
            priority = HIGH;
            urgent = true;
            if (list != null) {
                list.fired.increment();
            }
            fired.add(new RoutingOutcome.FiredRule(
                    entry.getKey(), changes.isEmpty() ? "no change" : String.join("; ", changes), reason));
        }
        return new RoutingOutcome(
                queue,
                priority,
                needsReview,
                urgent,
                recommendation(queue, priority, reviewReason, urgentReason),
                fired);
    }

    private static String recommendation(String queue, String priority, String reviewReason, String urgentReason) {
        StringBuilder s = new StringBuilder();
        if (reviewReason != null) {
            s.append("Needs review: ").append(reviewReason).append(". ");
        }
        s.append("Route to ").append(queue).append(" with ").append(priority).append(" priority.");
        if (urgentReason != null) {
            s.append(" Urgent: ").append(urgentReason).append(", handle it first.");
        }
        return s.toString();
    }

    /** Runs one rule within the time limit; null when it failed, timed out or was skipped. */
    private RoutingChange call(PluginRecord record, RoutingRequest request) {
        RoutingRule rule = (RoutingRule) record.plugin;
        record.calls.increment();
        if (record.builtIn) {
            try {
                return rule.apply(request);
            } catch (RuntimeException | LinkageError e) {
                record.error(PluginFailure.describe(e));
                LOG.log(Level.WARNING, "Built-in rule " + record.identity.name() + " failed", e);
                return null;
            }
        }
        if (record.stuck.get() >= options.stuckCallsLimit()) {
            record.timeout("skipped: " + record.stuck.get() + " earlier calls are still running past the "
                    + options.ruleTimeLimit().toMillis() + " ms limit");
            return null;
        }
        Call call = new Call(record, rule, request);
        Future<RoutingChange> future;
        try {
            future = executor.submit(call::run);
        } catch (RejectedExecutionException e) {
            record.timeout("skipped: all plugin threads are busy");
            return null;
        }
        try {
            RoutingChange change = future.get(options.ruleTimeLimit().toNanos(), TimeUnit.NANOSECONDS);
            if (change == null) {
                record.error("returned null; return RoutingChange.NONE when the rule does not apply");
            }
            return change;
        } catch (TimeoutException e) {
            call.abandon();
            future.cancel(true);
            record.timeout("took longer than " + options.ruleTimeLimit().toMillis() + " ms");
            return null;
        } catch (ExecutionException e) {
            record.error(PluginFailure.describe(e.getCause()));
            LOG.log(Level.FINE, "Routing rule " + record.identity.name() + " failed", e.getCause());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return null;
        }
    }

    /** One call of a plugin rule, and whether the caller stopped waiting for it while it ran. */
    private static final class Call {
        private static final int QUEUED = 0;
        private static final int RUNNING = 1;
        private static final int DONE = 2;
        private static final int ABANDONED_QUEUED = 3;
        private static final int ABANDONED_RUNNING = 4;

        private final AtomicInteger state = new AtomicInteger(QUEUED);
        private final PluginRecord record;
        private final RoutingRule rule;
        private final RoutingRequest request;

        Call(PluginRecord record, RoutingRule rule, RoutingRequest request) {
            this.record = record;
            this.rule = rule;
            this.request = request;
        }

        RoutingChange run() {
            if (!state.compareAndSet(QUEUED, RUNNING)) {
                return null;
            }
            try {
                return rule.apply(request);
            } finally {
                if (!state.compareAndSet(RUNNING, DONE)) {
                    record.stuck.decrementAndGet(); // it was abandoned while running and has now returned
                }
            }
        }

        void abandon() {
            if (!state.compareAndSet(QUEUED, ABANDONED_QUEUED) && state.compareAndSet(RUNNING, ABANDONED_RUNNING)) {
                record.stuck.incrementAndGet();
            }
        }
    }

    /** The names of the active helpdesk connectors. */
    public List<String> connectorNames() {
        return current.get().connectors.stream().map(r -> r.identity.name()).toList();
    }

    /**
     * Runs {@code task} with the active helpdesk connector of that name, on a plugin thread, within {@code limit}.
     * Counted as a call of the plugin; an exception or the time limit is counted as its error or time-out.
     *
     * @return empty when no active connector has that name
     * @throws ConnectorFailure when the plugin threw or did not finish in time, saying so in one line
     */
    public <T> java.util.Optional<T> withConnector(
            String name, java.time.Duration limit, java.util.function.Function<HelpdeskConnector, T> task) {
        PluginRecord record = current.get().connector(name);
        if (record == null) {
            return java.util.Optional.empty();
        }
        record.calls.increment();
        java.util.concurrent.Future<T> future;
        try {
            future = executor.submit(() -> task.apply((HelpdeskConnector) record.plugin));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            record.error("no plugin thread free");
            throw new ConnectorFailure("connector " + name + ": no plugin thread free, try again");
        }
        try {
            return java.util.Optional.ofNullable(future.get(limit.toMillis(), TimeUnit.MILLISECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            record.timeout("did not answer within " + limit.toMillis() + " ms");
            throw new ConnectorFailure("connector " + name + " did not answer within " + limit.toMillis() + " ms");
        } catch (java.util.concurrent.ExecutionException e) {
            String why = PluginFailure.describe(e.getCause());
            record.error(why);
            throw new ConnectorFailure("connector " + name + " failed: " + why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorFailure("connector " + name + ": interrupted");
        }
    }

    /** A helpdesk connector threw or did not finish in time. */
    public static final class ConnectorFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConnectorFailure(String message) {
            super(message);
        }
    }

    /** Every plugin found by the current load, with its state and counters. */
    public List<PluginStatus> plugins() {
        return current.get().statuses();
    }

    /** Problems of the current load that are not a single plugin's (for example settings for an unknown plugin). */
    public List<String> warnings() {
        return current.get().warnings;
    }

    /**
     * Loads the plugins again (new jars, removed jars, changed configuration) and swaps the new snapshot in.
     * Concurrent reloads run one after the other.
     *
     * @return the plugins of the new load
     */
    public List<PluginStatus> reload() {
        reloading.lock();
        try {
            PluginSnapshot next = loadSnapshot();
            PluginSnapshot previous = current.getAndSet(next);
            if (previous != null) {
                closer.schedule(previous::close, options.closeGrace().toMillis(), TimeUnit.MILLISECONDS);
            }
            return next.statuses();
        } finally {
            reloading.unlock();
        }
    }

    private PluginSnapshot loadSnapshot() {
        PluginSettings pluginSettings;
        try {
            pluginSettings = settings.get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Plugin configuration is invalid, plugins are loaded without it: " + e.getMessage());
            pluginSettings = PluginSettings.NONE;
        }
        ModelLabels modelLabels;
        try {
            modelLabels = labels.get();
        } catch (RuntimeException e) {
            modelLabels = ModelLabels.NONE;
        }
        return new PluginLoader(options, pluginSettings, modelLabels, application, executor)
                .load(generations.incrementAndGet());
    }

    @Override
    public void close() {
        closer.shutdownNow();
        executor.shutdownNow();
        PluginSnapshot last = current.getAndSet(null);
        if (last != null) {
            last.close();
        }
    }

    private static Set<String> labelsOf(Map<String, Double> probabilities, String predicted) {
        Set<String> labels = new java.util.TreeSet<>(probabilities.keySet());
        labels.add(predicted);
        return java.util.Collections.unmodifiableSortedSet((java.util.SortedSet<String>) labels);
    }

    private static void describe(List<String> changes, String field, Object from, Object to) {
        if (!from.equals(to)) {
            changes.add(field + ": " + from + " -> " + to);
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
