package io.ticketrouter.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Where a browser request comes from. Browsers send {@code Origin} with every cross-origin request and with
 * state-changing same-origin ones, and {@code Sec-Fetch-Site} with all; a page on another site (or another port of
 * the same host) cannot forge either.
 */
@ApplicationScoped
public class Origins {

    @Inject
    SecuritySettings settings;

    /** Whether the origin may call the API from a browser (CORS allow-list; empty by default). */
    public boolean allowedCrossOrigin(String origin) {
        return origin != null && settings.allowedOrigins().contains(SecuritySettings.normalizeOrigin(origin));
    }

    /**
     * Whether a session cookie may authenticate this request: always for reads, and for state-changing requests and
     * WebSocket handshakes only from this server's own pages or an allowed origin.
     */
    public boolean mayUseCookie(HttpServletRequest request) {
        String method = request.getMethod();
        boolean upgrade = "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
        if (!upgrade && ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.isEmpty() || "null".equals(origin)) {
            String site = request.getHeader("Sec-Fetch-Site");
            return site == null || "same-origin".equals(site) || "none".equals(site);
        }
        return sameOrigin(origin, request) || allowedCrossOrigin(origin);
    }

    /** The origin names the host and port the request was sent to. */
    static boolean sameOrigin(String origin, HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null) {
            return false;
        }
        String o = origin.toLowerCase(Locale.ROOT);
        int scheme = o.indexOf("://");
        if (scheme < 0) {
            return false;
        }
        String authority = o.substring(scheme + 3);
        String h = host.toLowerCase(Locale.ROOT);
        if (authority.equals(h)) {
            return true;
        }
        // default ports: Origin omits them, Host may carry them (or the other way round)
        String bare = o.startsWith("https://") ? stripPort(h, ":443") : stripPort(h, ":80");
        return authority.equals(bare) || stripPort(authority, o.startsWith("https://") ? ":443" : ":80").equals(bare);
    }

    private static String stripPort(String hostPort, String port) {
        return hostPort.endsWith(port) ? hostPort.substring(0, hostPort.length() - port.length()) : hostPort;
    }
}
