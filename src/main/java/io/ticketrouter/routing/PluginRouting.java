package io.ticketrouter.routing;

import io.ticketrouter.application.HelpdeskConnectors;
import io.ticketrouter.application.PluginStatus;
import io.ticketrouter.application.RoutingPlugins;
import io.ticketrouter.spi.ExternalTicket;
import io.ticketrouter.spi.HelpdeskCall;
import io.ticketrouter.spi.Incoming;
import io.ticketrouter.spi.IncomingCall;
import io.ticketrouter.spi.RoutedTicket;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The routing engine as an application-scoped CDI bean, configured through MicroProfile Config and started with
 * the application (plugins are discovered once, at start-up, and again on {@link #reload()}).
 *
 * <table>
 *   <caption>Configuration</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code ticketrouter.plugins.dir}</td><td>{@code <ticketrouter.data.dir>/plugins}</td>
 *       <td>directory of plugin jars (and of the optional {@code plugins.properties})</td></tr>
 *   <tr><td>{@code ticketrouter.plugins.timeout-ms}</td><td>50</td><td>time limit of one rule for one ticket</td></tr>
 *   <tr><td>{@code ticketrouter.plugins.threads}</td><td>8</td><td>threads that run plugin rules</td></tr>
 *   <tr><td>{@code ticketrouter.plugin.<name>.<key>}</td><td></td><td>a plugin's configuration</td></tr>
 * </table>
 */
@ApplicationScoped
public class PluginRouting implements RoutingPlugins, HelpdeskConnectors {

    @Inject
    Event<PluginsLoaded> loaded;

    private static final Logger LOG = Logger.getLogger(PluginRouting.class.getName());
    static final String PLUGIN_PREFIX = "ticketrouter.plugin.";
    static final String PROPERTIES_FILE = "plugins.properties";

    @Inject
    Config config;

    /** The loaded model's labels, read on every load; optional. */
    @Inject
    Instance<ModelLabelsSource> labelSources;

    static final String ENGINE_PREFIX = "ticketrouter.plugins.";
    static final Set<String> ENGINE_KEYS = Set.of("dir", "timeout-ms", "threads");

    private RoutingEngine engine;
    private Path pluginDirectory;
    private List<String> configurationWarnings = List.of();

    @PostConstruct
    void start() {
        String dataDir =
                config.getOptionalValue("ticketrouter.data.dir", String.class).orElse("var");
        pluginDirectory = Path.of(config.getOptionalValue("ticketrouter.plugins.dir", String.class)
                        .orElse(Path.of(dataDir, "plugins").toString()))
                .toAbsolutePath()
                .normalize();
        long timeoutMs = config.getOptionalValue("ticketrouter.plugins.timeout-ms", Long.class)
                .orElse(50L);
        int threads = config.getOptionalValue("ticketrouter.plugins.threads", Integer.class)
                .orElse(8);
        RoutingOptions defaults = RoutingOptions.defaults(pluginDirectory);
        RoutingOptions options = new RoutingOptions(
                pluginDirectory,
                Duration.ofMillis(timeoutMs),
                defaults.loadTimeLimit(),
                threads,
                defaults.stuckCallsLimit(),
                defaults.closeGrace());
        configurationWarnings = unknownEngineKeys();
        configurationWarnings.forEach(LOG::warning);
        LOG.info(() -> "Routing plugins: directory " + pluginDirectory + ", time limit " + timeoutMs + " ms per rule");
        engine = new RoutingEngine(options, this::settings, this::labels, PluginRouting.class.getClassLoader());
    }

    /** Loads the plugins when the application starts, not on the first ticket. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        // @PostConstruct has run: the plugins are loaded
        loaded.fire(new PluginsLoaded(engine.plugins()));
    }

    @PreDestroy
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    public RoutingOutcome route(RoutingInput input) {
        return engine.route(input);
    }

    /** How long a connector may take to read a call or to say what to write back. */
    static final Duration CONNECTOR_LIMIT = Duration.ofSeconds(2);

    @Override
    public List<String> names() {
        return engine.connectorNames();
    }

    @Override
    public Optional<Inbound> receive(String connector, Map<String, List<String>> headers, byte[] body) {
        IncomingCall call = new IncomingCall(headers, body);
        Incoming incoming;
        try {
            Optional<Incoming> read = engine.withConnector(connector, CONNECTOR_LIMIT, c -> c.receive(call));
            if (read.isEmpty()) {
                if (engine.connectorNames().contains(connector)) {
                    throw new ConnectorFailureException("connector " + connector + " answered nothing");
                }
                return Optional.empty();
            }
            incoming = read.get();
        } catch (RoutingEngine.ConnectorFailure e) {
            throw new ConnectorFailureException(e.getMessage());
        }
        if (incoming.outcome() == null) {
            throw new ConnectorFailureException("connector " + connector + " answered no outcome");
        }
        return Optional.of(
                switch (incoming.outcome()) {
                    case TICKET -> {
                        ExternalTicket t = incoming.ticket();
                        yield new Inbound(
                                Inbound.Outcome.TICKET,
                                null,
                                t.id(),
                                t.url(),
                                t.subject(),
                                t.body(),
                                t.customerName(),
                                t.customerEmail());
                    }
                    case IGNORED ->
                        new Inbound(Inbound.Outcome.IGNORED, incoming.reason(), null, null, null, null, null, null);
                    case REFUSED ->
                        new Inbound(Inbound.Outcome.REFUSED, incoming.reason(), null, null, null, null, null, null);
                });
    }

    @Override
    public List<Call> writeBack(String connector, Routed ticket) {
        RoutedTicket routed = new RoutedTicket(
                ticket.event(),
                ticket.reference(),
                ticket.externalId(),
                ticket.queue(),
                ticket.queueConfidence(),
                ticket.priority(),
                ticket.priorityConfidence(),
                ticket.needsReview(),
                ticket.urgent(),
                ticket.corrected(),
                ticket.keywords(),
                ticket.rules(),
                ticket.recommendation());
        List<HelpdeskCall> calls;
        try {
            calls = engine.withConnector(connector, CONNECTOR_LIMIT, c -> c.writeBack(routed))
                    .orElseThrow(() -> new ConnectorFailureException("no active helpdesk connector named " + connector
                            + "; active: " + engine.connectorNames()));
        } catch (RoutingEngine.ConnectorFailure e) {
            throw new ConnectorFailureException(e.getMessage());
        }
        return calls == null
                ? List.of()
                : calls.stream()
                        .map(c -> new Call(c.method(), c.url(), c.headers(), c.body()))
                        .toList();
    }

    @Override
    public String apiVersion() {
        return io.ticketrouter.spi.RoutingApi.VERSION;
    }

    @Override
    public List<PluginStatus> plugins() {
        return engine.plugins();
    }

    @Override
    public List<String> warnings() {
        List<String> all = new ArrayList<>(configurationWarnings);
        all.addAll(engine.warnings());
        return List.copyOf(all);
    }

    /** A misspelt engine setting would silently keep its default: say so, naming the known ones. */
    private List<String> unknownEngineKeys() {
        List<String> warnings = new ArrayList<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(ENGINE_PREFIX) && !ENGINE_KEYS.contains(name.substring(ENGINE_PREFIX.length()))) {
                warnings.add("unknown setting " + name + " is ignored; known settings: "
                        + ENGINE_KEYS.stream()
                                .sorted()
                                .map(key -> ENGINE_PREFIX + key)
                                .toList() + ", and " + PLUGIN_PREFIX
                        + "<plugin name>.<key> for a plugin");
            }
        }
        return List.copyOf(warnings);
    }

    @Override
    public List<PluginStatus> reload() {
        List<PluginStatus> plugins = engine.reload();
        loaded.fire(new PluginsLoaded(plugins));
        return plugins;
    }

    @Override
    public Path pluginDirectory() {
        return pluginDirectory;
    }

    private ModelLabels labels() {
        return labelSources != null && labelSources.isResolvable()
                ? labelSources.get().labels()
                : ModelLabels.NONE;
    }

    /** {@code plugins.properties} in the plugin directory, overridden by MicroProfile Config. Read on every load. */
    private PluginSettings settings() {
        Map<String, String> flat = new HashMap<>();
        Path file = pluginDirectory.resolve(PROPERTIES_FILE);
        if (Files.isRegularFile(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
            }
            properties.stringPropertyNames().forEach(key -> flat.put(key, properties.getProperty(key)));
        }
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PLUGIN_PREFIX)) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(value -> flat.put(name.substring(PLUGIN_PREFIX.length()), value));
            }
        }
        return PluginSettings.of(flat, (plugin, key) -> lookup(PLUGIN_PREFIX + plugin + "." + key));
    }

    private Optional<String> lookup(String key) {
        return config.getOptionalValue(key, String.class);
    }
}
