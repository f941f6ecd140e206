package io.ticketrouter.spi;

import java.util.Set;

/**
 * A start for a plugin: its name, the API version it was compiled against and its configuration keys are given to
 * the constructor, and {@link #name()}, {@link #apiVersion()} and {@link #configurationKeys()} answer them. An
 * urgent-keyword list extends this class and implements {@link UrgentKeywordList}; a routing rule extends
 * {@link AbstractRoutingRule}.
 *
 * <pre>{@code
 * public final class GdprKeywords extends AbstractPlugin implements UrgentKeywordList {
 *     public GdprKeywords() {
 *         super("gdpr-keywords", RoutingApi.VERSION, Set.of("extra"));
 *     }
 *     ...
 * }
 * }</pre>
 *
 * <p>Pass {@link RoutingApi#VERSION} as {@code apiVersion}, from your own class: the compiler copies the constant
 * into your class file, so the server learns the version you built against. This class cannot read the constant
 * for you: compiled into the SPI, it would always answer the server's version.
 *
 * @since 1.1
 */
public abstract class AbstractPlugin implements Plugin {

    private final String name;
    private final String apiVersion;
    private final Set<String> configurationKeys;

    /**
     * A plugin without configuration keys.
     *
     * @param name       the unique name (see {@link Plugin#name()})
     * @param apiVersion {@link RoutingApi#VERSION}, written in the subclass
     */
    protected AbstractPlugin(String name, String apiVersion) {
        this(name, apiVersion, Set.of());
    }

    /**
     * A plugin that reads the given configuration keys in {@link #configure(PluginContext)}.
     *
     * @param name              the unique name (see {@link Plugin#name()})
     * @param apiVersion        {@link RoutingApi#VERSION}, written in the subclass
     * @param configurationKeys the keys the plugin understands (see {@link Plugin#configurationKeys()})
     */
    protected AbstractPlugin(String name, String apiVersion, Set<String> configurationKeys) {
        this.name = name;
        this.apiVersion = apiVersion;
        this.configurationKeys = Set.copyOf(configurationKeys);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String apiVersion() {
        return apiVersion;
    }

    @Override
    public final Set<String> configurationKeys() {
        return configurationKeys;
    }
}
