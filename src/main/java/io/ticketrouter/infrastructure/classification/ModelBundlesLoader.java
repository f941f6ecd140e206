package io.ticketrouter.infrastructure.classification;

import io.ticketrouter.classification.BundleException;
import io.ticketrouter.classification.TicketClassifier;
import io.ticketrouter.classification.bundle.ModelBundles;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;

/** Loads bundles with the ML core's {@link ModelBundles} and warms them up (OpenNLP models) before serving. */
@ApplicationScoped
public class ModelBundlesLoader implements BundleLoader {

    @Override
    public TicketClassifier load(Path directory) throws BundleException {
        TicketClassifier classifier = ModelBundles.load(directory);
        ModelBundles.warmUp(classifier);
        return classifier;
    }
}
