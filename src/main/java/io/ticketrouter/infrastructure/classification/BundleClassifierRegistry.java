package io.ticketrouter.infrastructure.classification;

import io.ticketrouter.application.ClassifierRegistry;
import io.ticketrouter.application.ModelStatus;
import io.ticketrouter.application.ModelUnavailableException;
import io.ticketrouter.classification.BundleException;
import io.ticketrouter.classification.TicketClassifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds the classifier of the bundle in {@code ticketrouter.models.dir}, loaded eagerly when the application
 * starts. When the bundle cannot be loaded the application still starts: {@link #status()} says why (health
 * readiness reports it) and every call that needs a model gets a {@link ModelUnavailableException} (503).
 *
 * <p>The classifier is immutable and thread-safe; this bean only publishes it through a volatile field.
 */
@ApplicationScoped
public class BundleClassifierRegistry implements ClassifierRegistry {

    private static final Logger LOG = Logger.getLogger(BundleClassifierRegistry.class.getName());

    @Inject
    @ConfigProperty(name = "ticketrouter.models.dir", defaultValue = "./models")
    String modelsDir;

    @Inject
    BundleLoader loader;

    private volatile TicketClassifier classifier;
    private volatile ModelStatus status = new ModelStatus(null, null, "the model bundle has not been loaded yet");

    /** Loads the bundle as soon as the application starts, not on the first request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        load();
    }

    /** (Re)loads the bundle from the configured directory; keeps serving the old one if the new one fails. */
    public synchronized ModelStatus load() {
        Path dir = Path.of(modelsDir).toAbsolutePath().normalize();
        long start = System.nanoTime();
        try {
            if (!Files.isDirectory(dir)) {
                throw new BundleException("no model bundle: directory " + dir + " does not exist. Train one with "
                        + "./ticket-router train --data data/sample/tickets.csv --out " + dir
                        + " or set ticketrouter.models.dir (TICKETROUTER_MODELS_DIR)");
            }
            TicketClassifier loaded = loader.load(dir);
            classifier = loaded;
            status = new ModelStatus(dir.toString(), loaded.info(), null);
            LOG.log(Level.INFO, "Model bundle {0} loaded from {1} in {2} ms", new Object[] {
                    loaded.info().version(), dir, (System.nanoTime() - start) / 1_000_000});
        } catch (BundleException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            if (classifier == null) {
                status = new ModelStatus(dir.toString(), null, reason);
                LOG.log(Level.WARNING, "No model loaded, the API answers 503 until one is: {0}", reason);
            } else {
                LOG.log(Level.WARNING, "Keeping the loaded model; the bundle in {0} failed to load: {1}",
                        new Object[] {dir, reason});
            }
        }
        return status;
    }

    @Override
    public TicketClassifier current() {
        TicketClassifier c = classifier;
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
