package io.ticketrouter.it;

import java.util.ArrayList;
import java.util.List;

/** Every hostile-request catalogue of the reliability suite, run by {@code ReliabilityIT} against one server. */
final class HostileCatalogues {

    private HostileCatalogues() {
    }

    /**
     * The catalogues in the order they are sent; each entry carries its exact expected answer. The system property
     * {@code it.catalogues} (comma-separated: {@code input}, {@code stored}) runs only some of them
     * while working on one; the build runs all.
     */
    static List<Hostile> all() {
        List<String> only = List.of(System.getProperty("it.catalogues", "input,stored").split(","));
        List<Hostile> all = new ArrayList<>();
        if (only.contains("input")) {
            all.addAll(InputCatalogue.cases());
        }
        if (only.contains("stored")) {
            all.addAll(StoredDataCatalogue.cases());
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("it.catalogues names no catalogue: " + only);
        }
        return all;
    }
}
