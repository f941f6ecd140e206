package io.ticketrouter.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which plugins a server accepts: same major version, minor version not newer than the server's. */
class RoutingApiTest {

    @Test
    void theVersionIsMajorDotMinorAndAcceptsItself() {
        assertTrue(RoutingApi.VERSION.matches("\\d+\\.\\d+"), RoutingApi.VERSION);
        assertTrue(RoutingApi.isCompatible(RoutingApi.VERSION, RoutingApi.VERSION));
    }

    @ParameterizedTest(name = "plugin {0} on server {1}: {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                "1.0,  1.0, true",
                "1.0,  1.3, true", // an older minor runs on a newer server
                "1.3,  1.3, true",
                "1.4,  1.3, false", // written for features this server lacks
                "2.0,  1.9, false", // another major version
                "1.0,  2.0, false",
                "1.10, 1.9, false", // minor versions compare as numbers, not text
                "1.9,  1.10, true",
                "1,    1.0, false",
                "1.0.0, 1.0, false",
                "' 1.0', 1.0, false",
                "v1.0, 1.0, false",
                "'',   1.0, false",
                "null, 1.0, false",
                "1.0,  null, false",
            })
    void compatibility(String plugin, String server, boolean compatible) {
        assertEquals(compatible, RoutingApi.isCompatible(plugin, server));
    }
}
