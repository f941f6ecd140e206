package io.ticketrouter.routing.testplugins;

import io.ticketrouter.spi.RoutingChange;
import io.ticketrouter.spi.RoutingRequest;
import io.ticketrouter.spi.RoutingRule;

/**
 * Test plugin: a rule as it was written for routing API 1.0, before the base classes: it implements the interface
 * and returns the constant {@code RoutingApi.VERSION} as compiled then, "1.0". Registered only by the tests that use
 * it.
 */
public final class WrittenForApi10 implements RoutingRule {

    @Override
    public String name() {
        return "written-for-1-0";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String apiVersion() {
        return "1.0";
    }

    @Override
    public RoutingChange apply(RoutingRequest request) {
        return RoutingChange.NONE;
    }
}
