package io.ticketrouter.it;

import java.util.ArrayList;
import java.util.List;

/**
 * Hostile requests at the HTTP level: framing (lengths, chunking, smuggling), protocol upgrades, content negotiation,
 * paths that try to reach management endpoints, headers the server must not reflect.
 */
final class ProtocolCatalogue {

    private ProtocolCatalogue() {
    }

    static List<Hostile> cases() {
        List<Hostile> c = new ArrayList<>();
        return c;
    }
}
