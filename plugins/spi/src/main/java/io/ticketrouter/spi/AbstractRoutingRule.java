package io.ticketrouter.spi;

import java.util.Set;

/**
 * A start for a routing rule: name, API version, order and configuration keys go to the constructor, the rule
 * implements {@link #apply(RoutingRequest)} (and {@link #configure(PluginContext)} when it has keys).
 *
 * <pre>{@code
 * public final class RefundRule extends AbstractRoutingRule {
 *     public RefundRule() {
 *         super("refunds", RoutingApi.VERSION, 300, Set.of("queue"));
 *     }
 *
 *     @Override
 *     public RoutingChange apply(RoutingRequest request) { ... }
 * }
 * }</pre>
 *
 * As with {@link AbstractPlugin}, pass {@link RoutingApi#VERSION} from your own class, so that it is compiled in.
 *
 * @since 1.1
 */
public abstract class AbstractRoutingRule extends AbstractPlugin implements RoutingRule {

    private final int order;

    /**
     * A rule without configuration keys.
     *
     * @param name       the unique name (see {@link Plugin#name()})
     * @param apiVersion {@link RoutingApi#VERSION}, written in the subclass
     * @param order      the position in the chain (see {@link RoutingRule#order()})
     */
    protected AbstractRoutingRule(String name, String apiVersion, int order) {
        this(name, apiVersion, order, Set.of());
    }

    /**
     * A rule that reads the given configuration keys in {@link #configure(PluginContext)}.
     *
     * @param name              the unique name (see {@link Plugin#name()})
     * @param apiVersion        {@link RoutingApi#VERSION}, written in the subclass
     * @param order             the position in the chain (see {@link RoutingRule#order()})
     * @param configurationKeys the keys the rule understands (see {@link Plugin#configurationKeys()})
     */
    protected AbstractRoutingRule(String name, String apiVersion, int order, Set<String> configurationKeys) {
        super(name, apiVersion, configurationKeys);
        this.order = order;
    }

    @Override
    public final int order() {
        return order;
    }
}
