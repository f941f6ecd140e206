package io.ticketrouter.it;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every hostile-request catalogue of the reliability suite, run by {@code ReliabilityIT} against one server. */
final class HostileCatalogues {

    private HostileCatalogues() {}

    /**
     * The catalogues in the order they are sent; each entry carries its exact expected answer. The system property
     * {@code it.catalogues} (comma-separated: {@code input}, {@code stored}, {@code protocol}) runs only some of them
     * while working on one; the build runs all.
     */
    static List<Hostile> all() {
        List<String> only = List.of(
                System.getProperty("it.catalogues", "input,stored,protocol").split(","));
        List<Hostile> all = new ArrayList<>();
        if (only.contains("input")) {
            all.addAll(InputCatalogue.cases());
        }
        if (only.contains("stored")) {
            all.addAll(StoredDataCatalogue.cases());
        }
        if (only.contains("protocol")) {
            all.addAll(ProtocolCatalogue.cases());
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("it.catalogues names no catalogue: " + only);
        }
        return all;
    }

    /** What a catalogue got: what was wrong per request, the answers by status, 5xx and parser refusals counted. */
    record Outcome(List<String> failures, Map<Integer, Integer> byStatus, int serverErrors, int refusedByParser) {}

    /** Sends every request of the catalogue on its own connection and checks each answer against its expectation. */
    static Outcome send(int port, List<Hostile> catalogue) {
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        int serverErrors = 0;
        int refusedByParser = 0;
        for (Hostile h : catalogue) {
            RawHttp.Answer a;
            try {
                a = RawHttp.send(port, h.head(), h.body(), h.delayMillis(), h.watchClose());
            } catch (IOException e) {
                failures.add(h.name() + ": no answer (" + e.getMessage() + ")");
                continue;
            }
            byStatus.merge(a.status(), 1, Integer::sum);
            serverErrors += a.status() >= 500 ? 1 : 0;
            String wrong = h.check(a);
            if (wrong != null) {
                failures.add(h.name() + ": " + wrong);
            } else if (h.parserRefusal()) {
                refusedByParser++;
            }
        }
        return new Outcome(failures, byStatus, serverErrors, refusedByParser);
    }
}
