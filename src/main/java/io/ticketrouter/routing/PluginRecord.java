package io.ticketrouter.routing;

import io.ticketrouter.application.PluginStatus;
import io.ticketrouter.spi.Plugin;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One plugin found during a load: what is known about it, the instance when it is active, and its run-time counters.
 * Everything but the counters is immutable.
 */
final class PluginRecord {

    /** What the loader learnt about a plugin, whatever its state: the first six columns of {@link PluginStatus}. */
    record Identity(String name, String kind, String version, String apiVersion, String source, String className) {}

    final Identity identity;
    final String state;
    final String reason;
    final Integer order;
    /** Non-null only when active. */
    final Plugin plugin;
    /** Built-in rules are the application's own code: they run on the caller's thread. */
    final boolean builtIn;

    final LongAdder calls = new LongAdder();
    final LongAdder fired = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder timeouts = new LongAdder();
    /** Calls that passed the time limit and have not returned yet. */
    final AtomicInteger stuck = new AtomicInteger();

    volatile String lastError;

    private PluginRecord(
            Identity identity, String state, String reason, Integer order, Plugin plugin, boolean builtIn) {
        this.identity = identity;
        this.state = state;
        this.reason = reason;
        this.order = order;
        this.plugin = plugin;
        this.builtIn = builtIn;
    }

    static PluginRecord active(Identity identity, Integer order, Plugin plugin, boolean builtIn) {
        return new PluginRecord(identity, PluginStatus.ACTIVE, null, order, plugin, builtIn);
    }

    static PluginRecord disabled(Identity identity, String reason) {
        return new PluginRecord(identity, PluginStatus.DISABLED, reason, null, null, false);
    }

    static PluginRecord failed(Identity identity, String reason) {
        return new PluginRecord(identity, PluginStatus.FAILED, reason, null, null, false);
    }

    boolean isActive() {
        return plugin != null;
    }

    void error(String message) {
        errors.increment();
        lastError = message;
    }

    void timeout(String message) {
        timeouts.increment();
        lastError = message;
    }

    PluginStatus status() {
        return new PluginStatus(
                identity.name(),
                identity.kind(),
                identity.version(),
                identity.apiVersion(),
                identity.source(),
                identity.className(),
                state,
                reason,
                order,
                calls.sum(),
                fired.sum(),
                errors.sum(),
                timeouts.sum(),
                lastError);
    }
}
