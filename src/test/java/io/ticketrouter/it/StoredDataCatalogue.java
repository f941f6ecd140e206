package io.ticketrouter.it;

import java.util.ArrayList;
import java.util.List;

/** Hostile requests whose values must never be stored: each is refused with a problem naming the field. */
final class StoredDataCatalogue {

    private StoredDataCatalogue() {
    }

    static List<Hostile> cases() {
        List<Hostile> c = new ArrayList<>();
        return c;
    }
}
