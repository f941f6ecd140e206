package io.ticketrouter.it;

import jakarta.websocket.ClientEndpointConfig;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who the integration tests are. Every test server starts with the first admin's password set through
 * {@code ticketrouter.admin.initial-password}, the ticket rate limit lifted (tests send many tickets from one
 * address; {@code SecurityIT} starts its own server with the default limit) and a generous limit on password checks.
 */
public final class Credentials {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "it-admin-password-1";
    public static final String ADMIN_BASIC = basic(ADMIN, ADMIN_PASSWORD);

    private Credentials() {}

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Server settings every test server gets unless the test overrides them. */
    public static Map<String, String> serverDefaults() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ticketrouter.admin.initial-password", ADMIN_PASSWORD);
        p.put("ticketrouter.ratelimit.tickets-per-minute", "0");
        p.put("ticketrouter.ratelimit.sign-ins-per-minute", "1000");
        p.put("ticketrouter.ratelimit.anonymous-per-minute", "0");
        return p;
    }

    /** A WebSocket client configuration whose handshake carries the given Authorization header (null: none). */
    public static ClientEndpointConfig webSocket(String authorization) {
        return ClientEndpointConfig.Builder.create()
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> headers) {
                        if (authorization != null) {
                            headers.put("Authorization", List.of(authorization));
                        }
                    }
                })
                .build();
    }

    /** The handshake of a signed-in dashboard (the admin). */
    public static ClientEndpointConfig webSocket() {
        return webSocket(ADMIN_BASIC);
    }
}
