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

    final String name;
    final String kind;
    final String version;
    final String apiVersion;
    final String source;
    final String className;
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
            String name,
            String kind,
            String version,
            String apiVersion,
            String source,
            String className,
            String state,
            String reason,
            Integer order,
            Plugin plugin,
            boolean builtIn) {
        this.name = name;
        this.kind = kind;
        this.version = version;
        this.apiVersion = apiVersion;
        this.source = source;
        this.className = className;
        this.state = state;
        this.reason = reason;
        this.order = order;
        this.plugin = plugin;
        this.builtIn = builtIn;
    }

    static PluginRecord active(
            String name,
            String kind,
            String version,
            String apiVersion,
            String source,
            String className,
            Integer order,
            Plugin plugin,
            boolean builtIn) {
        return new PluginRecord(
                name, kind, version, apiVersion, source, className, PluginStatus.ACTIVE, null, order, plugin, builtIn);
    }

    static PluginRecord disabled(
            String name,
            String kind,
            String version,
            String apiVersion,
            String source,
            String className,
            String reason) {
        return new PluginRecord(
                name, kind, version, apiVersion, source, className, PluginStatus.DISABLED, reason, null, null, false);
    }

    static PluginRecord failed(
            String name,
            String kind,
            String version,
            String apiVersion,
            String source,
            String className,
            String reason) {
        return new PluginRecord(
                name, kind, version, apiVersion, source, className, PluginStatus.FAILED, reason, null, null, false);
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
                name,
                kind,
                version,
                apiVersion,
                source,
                className,
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
