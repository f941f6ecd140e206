package io.ticketrouter.classification.bundle;

import io.ticketrouter.classification.BundleException;
import io.ticketrouter.classification.TicketClassifier;
import java.nio.file.Path;

/**
 * The entry point for code that uses trained models (the server, the CLI): load a bundle
 * directory into an immutable, thread-safe {@link TicketClassifier}.
 */
public final class ModelBundles {

    private ModelBundles() {
    }

    /**
     * Loads the bundle in {@code dir}, checking format version and file checksums.
     *
     * @throws BundleException when the directory is missing, the bundle is partial, corrupt or of
     *                         another format version; the message names the file and the problem
     */
    public static TicketClassifier load(Path dir) throws BundleException {
        return BundleFiles.load(dir);
    }

    /** Loads the OpenNLP models now (about a second) instead of on the first classification. */
    public static void warmUp(TicketClassifier classifier) {
        classifier.classify(io.ticketrouter.classification.TicketText.of("Warm-up", "Warm-up text for the language detector and tokenizers."));
    }
}
