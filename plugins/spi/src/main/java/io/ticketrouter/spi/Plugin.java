package io.ticketrouter.spi;

import java.util.Set;

/**
 * What every plugin has: a unique name, the API version it was written for, and optional configuration.
 *
 * <p>Life cycle, on every start-up and every reload: the server instantiates the class with its public no-argument
 * constructor, reads {@link #name()} and {@link #apiVersion()}, checks the configuration against
 * {@link #configurationKeys()} and calls {@link #configure(PluginContext)} once. After that the instance is used by
 * many threads at once and must not change: keep everything you compute in {@code configure} in final or
 * effectively immutable fields. A reload creates new instances; old ones are simply dropped.
 *
 * <p>A plugin that throws from its constructor, {@code name()}, {@code apiVersion()} or {@code configure} is not
 * loaded; the server starts anyway and lists it as failed, with the reason, under {@code GET /api/plugins}.
 */
public interface Plugin {

    /**
     * Unique name: lower-case letters, digits and hyphens, 2 to 64 characters, starting with a letter or digit, for
     * example {@code "vip-senders"}.
     * It names the plugin in the API and in agents' views, and is the prefix of its configuration keys. A second
     * plugin with the same name is refused.
     */
    String name();

    /**
     * The API version this plugin was compiled against: return {@link RoutingApi#VERSION} (or pass it to the
     * constructor of {@link AbstractPlugin} or {@link AbstractRoutingRule}), so the constant is compiled into the
     * plugin's class.
     */
    String apiVersion();

    /**
     * Version of the plugin itself, shown by {@code GET /api/plugins}. The default reads {@code Implementation-Version}
     * from the jar's manifest (Maven: {@code addDefaultImplementationEntries}), or answers {@code "unknown"}.
     */
    default String version() {
        String version =
                getClass().getPackage() == null ? null : getClass().getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    /**
     * The configuration keys this plugin understands, for example {@code Set.of("domains", "priority")}. Setting any
     * other key for this plugin is an error that names these keys, and so is asking the context for one.
     */
    default Set<String> configurationKeys() {
        return Set.of();
    }

    /**
     * Reads the configuration, once, before first use. Throw {@link IllegalArgumentException} with a message saying
     * what is wrong and how to fix it (for example {@code "priority must be one of high, medium, low, got 'urgent'"}):
     * the plugin is then listed as failed with that message.
     */
    default void configure(PluginContext context) {}
}
