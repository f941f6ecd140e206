package io.ticketrouter.infrastructure.classification;

import io.ticketrouter.classification.BundleException;
import io.ticketrouter.classification.TicketClassifier;
import java.nio.file.Path;

/** Reads a model bundle directory into a thread-safe classifier. */
public interface BundleLoader {

    /** @throws BundleException when the bundle is missing, partial, corrupt or of another format version */
    TicketClassifier load(Path directory) throws BundleException;
}
