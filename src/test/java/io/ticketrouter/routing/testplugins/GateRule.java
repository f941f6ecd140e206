package io.ticketrouter.routing.testplugins;

import io.ticketrouter.spi.AbstractRoutingRule;
import io.ticketrouter.spi.RoutingApi;
import io.ticketrouter.spi.RoutingChange;
import io.ticketrouter.spi.RoutingRequest;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Test plugin: waits at a gate the test opens, then raises the priority. Registered only by the tests that use it. */
public final class GateRule extends AbstractRoutingRule {

    public static volatile CountDownLatch entered = new CountDownLatch(1);
    public static volatile CountDownLatch gate = new CountDownLatch(1);

    public GateRule() {
        super("gate-rule", RoutingApi.VERSION, 50);
    }

    @Override
    public RoutingChange apply(RoutingRequest request) {
        entered.countDown();
        try {
            gate.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return RoutingChange.because("the gate opened").priority("high");
    }
}
