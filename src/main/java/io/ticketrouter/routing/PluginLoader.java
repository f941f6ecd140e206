package io.ticketrouter.routing;

import io.ticketrouter.application.PluginStatus;
import io.ticketrouter.spi.HelpdeskConnector;
import io.ticketrouter.spi.Plugin;
import io.ticketrouter.spi.RoutingRule;
import io.ticketrouter.spi.UrgentKeywordList;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds and instantiates plugins, once per (re)load, and builds a {@link PluginSnapshot}.
 *
 * <p>First the application's class path (the built-in rules, and any plugin jar in {@code WEB-INF/lib}), then every
 * {@code *.jar} directly in the plugin directory, in file-name order. Each jar is copied (so it can be replaced or
 * deleted while the server runs, and a reload never reads a cached old copy) and gets its own
 * {@link URLClassLoader} whose parent is a {@link SpiOnlyClassLoader}.
 *
 * <p>One broken plugin never breaks the load (SLF4J's {@code safelyInstantiate}): every provider is instantiated,
 * checked and configured inside a try/catch for {@link ServiceConfigurationError}, {@link RuntimeException} and
 * {@link LinkageError}, within a time limit, then logged with its jar and class and listed as failed. A second
 * plugin with a name already taken fails, and the message says which one won.
 */
final class PluginLoader {

    private static final Logger LOG = Logger.getLogger(PluginLoader.class.getName());
    private static final Pattern PROVIDER_IN_MESSAGE = Pattern.compile("Provider (\\S+)");
    static final String BUILT_IN = "built-in";

    private final RoutingOptions options;
    private final PluginSettings settings;
    private final ModelLabels labels;
    private final ClassLoader application;
    private final ExecutorService executor;
    private final PluginConfigurator configurator;

    private final List<PluginRecord> records = new ArrayList<>();
    private final Map<String, PluginRecord> byName = new HashMap<>();
    /** Names of every plugin instance seen, including failed ones. */
    private final Set<String> names = new TreeSet<>();

    private final List<KeywordMatcher.Entry> keywordEntries = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<URLClassLoader> loaders = new ArrayList<>();

    PluginLoader(
            RoutingOptions options,
            PluginSettings settings,
            ModelLabels labels,
            ClassLoader application,
            ExecutorService executor) {
        this.options = options;
        this.settings = settings;
        this.labels = labels;
        this.application = application;
        this.executor = executor;
        this.configurator = new PluginConfigurator(settings, labels);
    }

    PluginSnapshot load(long generation) {
        discover(application, null);
        Path copies = null;
        Path dir = options.pluginDirectory();
        if (dir != null && Files.isDirectory(dir)) {
            List<Path> jars;
            try (Stream<Path> files = Files.list(dir)) {
                jars = files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                        .sorted()
                        .toList();
            } catch (IOException e) {
                jars = List.of();
                warn("cannot list the plugin directory " + dir + ": " + e);
            }
            if (!jars.isEmpty()) {
                try {
                    copies = Files.createTempDirectory("ticketrouter-plugins-" + generation + "-");
                } catch (IOException e) {
                    warn("cannot create a temporary directory for plugin jars: " + e);
                }
            }
            for (Path jar : jars) {
                loadJar(jar, copies);
            }
        } else if (dir != null) {
            LOG.info(() -> "Plugin directory " + dir.toAbsolutePath() + " does not exist: no plugin jars loaded");
        }
        for (String configured : settings.pluginNames()) {
            if (!names.contains(configured)) {
                warn("configuration is set for plugin '" + configured + "', but no plugin has that name; plugins: "
                        + names);
            }
        }
        KeywordMatcher matcher = new KeywordMatcher(keywordEntries);
        PluginSnapshot snapshot = new PluginSnapshot(generation, records, matcher, warnings, loaders, copies);
        LOG.info(() -> summary(snapshot));
        return snapshot;
    }

    private void loadJar(Path jar, Path copies) {
        String source = jar.getFileName().toString();
        try {
            Path copy =
                    copies == null ? jar : Files.copy(jar, copies.resolve(source), StandardCopyOption.REPLACE_EXISTING);
            URLClassLoader loader = new URLClassLoader(
                    "plugin:" + source, new URL[] {copy.toUri().toURL()}, new SpiOnlyClassLoader(application));
            loaders.add(loader);
            int before = records.size();
            discover(loader, source);
            if (records.size() == before) {
                fail(
                        null,
                        null,
                        source,
                        null,
                        "the jar declares no plugin: add META-INF/services/" + RoutingRule.class.getName() + ", "
                                + UrgentKeywordList.class.getName() + " or " + HelpdeskConnector.class.getName(),
                        null);
            }
        } catch (IOException | RuntimeException e) {
            fail(null, null, source, null, "cannot open the jar: " + PluginFailure.describe(e), e);
        }
    }

    /** @param jar the jar's file name, or null for the application's class path */
    private void discover(ClassLoader loader, String jar) {
        discover(RoutingRule.class, PluginStatus.ROUTING_RULE, loader, jar);
        discover(UrgentKeywordList.class, PluginStatus.URGENT_KEYWORDS, loader, jar);
        discover(HelpdeskConnector.class, PluginStatus.HELPDESK_CONNECTOR, loader, jar);
    }

    private <S extends Plugin> void discover(Class<S> type, String kind, ClassLoader loader, String jar) {
        Iterator<ServiceLoader.Provider<S>> providers;
        try {
            providers = ServiceLoader.load(type, loader).stream().iterator();
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            fail(null, kind, jar == null ? "application class path" : jar, null, PluginFailure.describe(e), e);
            return;
        }
        for (int guard = 0; guard < 10_000; guard++) {
            ServiceLoader.Provider<S> provider;
            try {
                if (!providers.hasNext()) {
                    return;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                String className = classNameIn(e);
                fail(
                        className,
                        kind,
                        jar == null ? "application class path" : jar,
                        className,
                        PluginFailure.describe(e),
                        e);
                continue;
            }
            String source = jar != null ? jar : applicationSource(provider);
            String className = provider.type().getName();
            if (jar == null
                    && records.stream()
                            .anyMatch(r -> className.equals(r.identity.className())
                                    && r.identity.source().equals(source))) {
                continue; // the same class path entry seen twice (nested class loaders)
            }
            instantiate(provider, type, kind, source, className, jar == null && source.equals(BUILT_IN));
        }
    }

    private <S extends Plugin> void instantiate(
            ServiceLoader.Provider<S> provider,
            Class<S> type,
            String kind,
            String source,
            String className,
            boolean builtIn) {
        Future<PluginConfigurator.Loaded> future;
        try {
            future = executor.submit(() -> configurator.configure(provider.get()));
        } catch (RejectedExecutionException e) {
            fail(className, kind, source, className, "no thread free to load it", e);
            return;
        }
        PluginConfigurator.Loaded loaded;
        try {
            loaded = future.get(options.loadTimeLimit().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            fail(
                    className,
                    kind,
                    source,
                    className,
                    "did not finish loading within " + options.loadTimeLimit().toMillis()
                            + " ms (constructor or configure hangs)",
                    null);
            return;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String name = cause instanceof PluginFailure f && f.name != null ? f.name : className;
            if (cause instanceof PluginFailure f && f.name != null) {
                names.add(f.name);
            }
            String reason = cause instanceof PluginFailure f ? f.getMessage() : PluginFailure.describe(cause);
            fail(name, kind, source, className, reason, cause instanceof PluginFailure ? cause.getCause() : cause);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(className, kind, source, className, "loading was interrupted", e);
            return;
        }
        names.add(loaded.name());
        PluginRecord winner = byName.get(loaded.name());
        if (winner != null) {
            fail(
                    loaded.name(),
                    kind,
                    source,
                    className,
                    "duplicate name '" + loaded.name() + "': already provided by " + winner.identity.className()
                            + " from " + winner.identity.source() + ", which was found first and is used",
                    null);
            return;
        }
        PluginRecord.Identity identity = new PluginRecord.Identity(
                loaded.name(), kind, loaded.version(), loaded.apiVersion(), source, className);
        PluginRecord record;
        if (!loaded.enabled()) {
            record = PluginRecord.disabled(
                    identity,
                    "disabled by configuration (" + loaded.name() + "." + PluginConfigurator.ENABLED + "=false)");
        } else {
            record = PluginRecord.active(identity, loaded.order(), loaded.plugin(), builtIn);
            loaded.keywords()
                    .forEach((language, words) -> words.forEach(
                            word -> keywordEntries.add(new KeywordMatcher.Entry(loaded.name(), language, word))));
        }
        records.add(record);
        byName.put(loaded.name(), record);
    }

    private String applicationSource(ServiceLoader.Provider<?> provider) {
        Class<?> type = provider.type();
        if (type.getPackageName().equals(PluginLoader.class.getPackageName())) {
            return BUILT_IN;
        }
        try {
            CodeSource code = type.getProtectionDomain().getCodeSource();
            if (code != null && code.getLocation() != null) {
                String path = code.getLocation().getPath();
                String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
                return "class path: " + trimmed.substring(trimmed.lastIndexOf('/') + 1);
            }
        } catch (SecurityException ignored) {
            // fall through
        }
        return "application class path";
    }

    private void fail(String name, String kind, String source, String className, String reason, Throwable cause) {
        String shown = name != null ? name : className != null ? className : source;
        LOG.log(
                Level.WARNING,
                "Plugin " + shown + (className != null ? " (class " + className + ")" : "") + " from " + source
                        + " not loaded: " + reason,
                cause);
        records.add(PluginRecord.failed(new PluginRecord.Identity(shown, kind, null, null, source, className), reason));
    }

    private void warn(String message) {
        LOG.warning(message);
        warnings.add(message);
    }

    private static String classNameIn(Throwable e) {
        Matcher m = PROVIDER_IN_MESSAGE.matcher(String.valueOf(e.getMessage()));
        return m.find() ? m.group(1) : null;
    }

    private static String summary(PluginSnapshot snapshot) {
        StringBuilder s = new StringBuilder("Routing plugins (load " + snapshot.generation + "):");
        for (PluginRecord r : snapshot.all) {
            s.append("\n  ")
                    .append(r.state)
                    .append("  ")
                    .append(r.identity.kind())
                    .append(' ')
                    .append(r.identity.name())
                    .append(r.order != null ? " (order " + r.order + ")" : "")
                    .append(" from ")
                    .append(r.identity.source())
                    .append(r.reason != null ? ": " + r.reason : "");
        }
        return s.toString();
    }
}
