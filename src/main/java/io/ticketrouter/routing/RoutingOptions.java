package io.ticketrouter.routing;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the engine loads and runs plugins.
 *
 * @param pluginDirectory  every {@code *.jar} directly in it is a plugin jar; null or missing: no plugin jars
 * @param ruleTimeLimit    how long one rule may take for one ticket (default 50 ms)
 * @param loadTimeLimit    how long one plugin may take to be instantiated and configured (default 5 s)
 * @param threads          threads that run plugin rules (default 8)
 * @param stuckCallsLimit  a rule with this many calls still running past the time limit is skipped until one
 *                         returns (default 2), so a hanging rule costs neither threads nor latency
 * @param closeGrace       how long the class loaders of a replaced snapshot stay open after a reload (default 30 s)
 */
public record RoutingOptions(
        Path pluginDirectory,
        Duration ruleTimeLimit,
        Duration loadTimeLimit,
        int threads,
        int stuckCallsLimit,
        Duration closeGrace) {

    public RoutingOptions {
        if (ruleTimeLimit.isNegative() || ruleTimeLimit.isZero()) {
            throw new IllegalArgumentException("rule time limit must be positive, got " + ruleTimeLimit.toMillis()
                    + " ms (ticketrouter.plugins.timeout-ms)");
        }
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException(
                    "plugin threads must be 1 to 256, got " + threads + " (ticketrouter.plugins.threads)");
        }
        if (stuckCallsLimit < 1) {
            throw new IllegalArgumentException("stuck calls limit must be at least 1, got " + stuckCallsLimit);
        }
    }

    public static RoutingOptions defaults(Path pluginDirectory) {
        return new RoutingOptions(
                pluginDirectory, Duration.ofMillis(50), Duration.ofSeconds(5), 8, 2, Duration.ofSeconds(30));
    }

    public RoutingOptions withRuleTimeLimit(Duration limit) {
        return new RoutingOptions(pluginDirectory, limit, loadTimeLimit, threads, stuckCallsLimit, closeGrace);
    }
}
