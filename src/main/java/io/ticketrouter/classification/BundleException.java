package io.ticketrouter.classification;

/** A model bundle is missing, partial, corrupt or of another format version. The message says which and where. */
public class BundleException extends Exception {

    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
