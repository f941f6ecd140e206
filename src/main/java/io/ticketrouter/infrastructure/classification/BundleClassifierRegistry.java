package io.ticketrouter.infrastructure.classification;

import io.ticketrouter.application.ClassifierRegistry;
import io.ticketrouter.application.ModelChanged;
import io.ticketrouter.application.ModelReloadException;
import io.ticketrouter.application.ModelStatus;
import io.ticketrouter.application.ModelUnavailableException;
import io.ticketrouter.classification.BundleException;
import io.ticketrouter.classification.TicketClassifier;
import io.ticketrouter.classification.bundle.BundleFiles;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds the classifier of the bundle in {@code ticketrouter.models.dir}, loaded eagerly when the application
 * starts, and swaps in a new one without a restart. When the bundle cannot be loaded the application still starts:
 * {@link #status()} says why (health readiness reports it) and every call that needs a model gets a
 * {@link ModelUnavailableException} (503).
 *
 * <p>Hot swap: the classifier is immutable and thread-safe and published through an {@link AtomicReference}; a
 * request keeps the instance it got, so requests in flight finish on the old model. A new bundle is loaded and warmed
 * up completely before it is swapped in; when it fails to load, the old model keeps serving.
 *
 * <p>Watcher protocol: {@code bundle.json}, the bundle's manifest, is the commit marker. {@code train --out DIR}
 * writes every other file first and the manifest last by an atomic rename, and the manifest lists a checksum of every
 * file. Every {@code ticketrouter.models.watch.seconds} the watcher looks at the manifest; when it exists and differs
 * from the one last seen, the bundle is (re)loaded. While the manifest is missing (a bundle being written) nothing
 * happens. A refused manifest is not retried until it changes again.
 */
@ApplicationScoped
public class BundleClassifierRegistry implements ClassifierRegistry {

    private static final Logger LOG = Logger.getLogger(BundleClassifierRegistry.class.getName());

    @Inject
    @ConfigProperty(name = "ticketrouter.models.dir", defaultValue = "./models")
    String modelsDir;

    @Inject
    @ConfigProperty(name = "ticketrouter.models.watch.seconds", defaultValue = "5")
    int watchSeconds;

    @Inject
    BundleLoader loader;

    @Inject
    Event<ModelChanged> events;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final AtomicReference<TicketClassifier> classifier = new AtomicReference<>();
    private volatile ModelStatus status = new ModelStatus(null, null, "the model bundle has not been loaded yet");
    /** The manifest last looked at (loaded or refused): size, modification time and content hash. */
    private volatile String lastManifest;

    private ScheduledFuture<?> watcher;

    /** Loads the bundle as soon as the application starts, not on the first request; starts the watcher. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        try {
            load("startup");
        } catch (ModelReloadException e) {
            // already logged and visible in status()
        }
        if (watchSeconds > 0 && scheduler != null) {
            watcher = scheduler.scheduleWithFixedDelay(this::watch, watchSeconds, watchSeconds, TimeUnit.SECONDS);
            LOG.log(Level.INFO, "Watching {0} for new model bundles every {1} s", new Object[] {
                directory(), watchSeconds
            });
        }
    }

    @PreDestroy
    void stop() {
        if (watcher != null) {
            watcher.cancel(false);
        }
    }

    @Override
    public ModelStatus reload(String trigger) {
        return load(trigger);
    }

    /** One look of the watcher: reload when a new manifest has appeared. */
    void watch() {
        try {
            String manifest = manifestFingerprint(directory());
            if (manifest != null && !manifest.equals(lastManifest)) {
                LOG.log(Level.INFO, "A new model bundle manifest appeared in {0}; loading it", directory());
                load("watcher");
            }
        } catch (ModelReloadException e) {
            // logged and announced by load()
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The model watcher failed once; it keeps watching", e);
        }
    }

    /** (Re)loads the bundle from the configured directory; keeps serving the old one if the new one fails. */
    private synchronized ModelStatus load(String trigger) {
        Path dir = directory();
        long start = System.nanoTime();
        TicketClassifier old = classifier.get();
        String previous = old == null ? null : old.info().version();
        String manifest = manifestFingerprint(dir);
        try {
            if (!Files.isDirectory(dir)) {
                throw new BundleException("no model bundle: directory " + dir + " does not exist. Train one with "
                        + "./ticket-router train --data data/sample/tickets.csv --out " + dir
                        + " or set ticketrouter.models.dir (TICKETROUTER_MODELS_DIR)");
            }
            TicketClassifier loaded = loader.load(dir);
            classifier.set(loaded);
            status = new ModelStatus(dir.toString(), loaded.info().withDirectory(dir), null);
            lastManifest = manifest;
            LOG.log(Level.INFO, "Model bundle {0} loaded from {1} in {2} ms ({3}; previous: {4})", new Object[] {
                loaded.info().version(), dir, (System.nanoTime() - start) / 1_000_000, trigger, previous
            });
            fire(new ModelChanged(
                    ModelChanged.Kind.LOADED, loaded.info().version(), previous, null, trigger, Instant.now()));
            return status;
        } catch (BundleException | RuntimeException e) {
            lastManifest = manifest;
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            if (old == null) {
                status = new ModelStatus(dir.toString(), null, reason);
                LOG.log(Level.WARNING, "No model loaded, the API answers 503 until one is: {0}", reason);
            } else {
                LOG.log(
                        Level.WARNING,
                        "Refused the model bundle in {0} ({1}); model {2} keeps serving: {3}",
                        new Object[] {dir, trigger, previous, reason});
            }
            if (!"startup".equals(trigger)) {
                fire(new ModelChanged(ModelChanged.Kind.REFUSED, previous, previous, reason, trigger, Instant.now()));
            }
            throw new ModelReloadException("the model bundle in " + dir + " was refused: " + reason
                    + (old == null ? "; no model is loaded" : "; model " + previous + " keeps serving"));
        }
    }

    private void fire(ModelChanged change) {
        events.fireAsync(change).exceptionally(e -> {
            LOG.log(Level.WARNING, "An observer of model changes failed", e);
            return null;
        });
    }

    private Path directory() {
        return Path.of(modelsDir).toAbsolutePath().normalize();
    }

    /** Size, modification time and a hash of bundle.json, or null when there is none (nothing to load yet). */
    static String manifestFingerprint(Path dir) {
        Path manifest = dir.resolve(BundleFiles.MANIFEST);
        try {
            BasicFileAttributes a = Files.readAttributes(manifest, BasicFileAttributes.class);
            return a.size() + "/" + a.lastModifiedTime().toMillis() + "/"
                    + java.util.Arrays.hashCode(Files.readAllBytes(manifest));
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public TicketClassifier current() {
        TicketClassifier c = classifier.get();
        if (c == null) {
            throw new ModelUnavailableException("no model is loaded: " + status.reason());
        }
        return c;
    }

    @Override
    public ModelStatus status() {
        return status;
    }
}
