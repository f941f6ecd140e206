package io.ticketrouter.classification.bundle;

import io.ticketrouter.classification.BundleException;
import io.ticketrouter.classification.TicketClassifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The entry point for code that uses trained models (the server, the CLI): load a bundle
 * directory into an immutable, thread-safe {@link TicketClassifier}, or write one.
 */
public final class ModelBundles {

    private ModelBundles() {}

    /**
     * Loads the bundle in {@code dir}, checking format version and file checksums.
     *
     * @throws BundleException when the directory is missing, the bundle is partial, corrupt or of
     *                         another format version; the message names the file and the problem
     */
    public static TicketClassifier load(Path dir) throws BundleException {
        return BundleReader.load(dir);
    }

    /**
     * Writes the bundle into {@code dir} (created if needed) with the given charts (file name → PNG), manifest last:
     * a directory whose {@code bundle.json} exists is complete.
     */
    public static void save(ModelBundle bundle, Path dir, Map<String, byte[]> charts) throws IOException {
        BundleWriter.save(bundle, dir, charts);
    }

    /** Loads the OpenNLP models now (about a second) instead of on the first classification. */
    public static void warmUp(TicketClassifier classifier) {
        classifier.classify(io.ticketrouter.classification.TicketText.of(
                "Warm-up", "Warm-up text for the language detector and tokenizers."));
    }
}
