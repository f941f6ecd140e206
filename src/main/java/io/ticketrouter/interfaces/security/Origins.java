package io.ticketrouter.interfaces.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
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
     * Whether a session cookie may authenticate this request. Reads (GET, HEAD, OPTIONS) always; every request that
     * changes state (sign-out included) and every WebSocket handshake only from this server's own pages or an allowed
     * origin: {@code Sec-Fetch-Site: cross-site} is refused, an {@code Origin} must name this server's scheme, host
     * and port (or an allowed origin) and {@code Origin: null} (sandboxed frames, local files, some redirects) is
     * refused. Without {@code Origin} the request is not a browser's cross-site one (browsers send it with every
     * state-changing request) unless {@code Sec-Fetch-Site} says otherwise.
     */
    public boolean mayUseCookie(HttpServletRequest request) {
        String method = request.getMethod();
        boolean upgrade = "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
        if (!upgrade && ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method))) {
            return true;
        }
        return cookieRefusal(request) == null;
    }

    /** Why a cookie may not authenticate this state-changing request or handshake, or null when it may. */
    public String cookieRefusal(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        String origin = request.getHeader("Origin");
        if (site != null && "cross-site".equalsIgnoreCase(site.trim())) {
            return "the browser says the request comes from another site (Sec-Fetch-Site: cross-site)";
        }
        if (origin == null || origin.isEmpty()) {
            boolean fromHere =
                    site == null || "same-origin".equalsIgnoreCase(site.trim()) || "none".equalsIgnoreCase(site.trim());
            return fromHere ? null : "the request comes from another origin (Sec-Fetch-Site: " + site.trim() + ")";
        }
        if ("null".equals(origin.trim())) {
            return "the request comes from an opaque origin (Origin: null)";
        }
        if (sameOrigin(origin, request) || allowedCrossOrigin(origin)) {
            return null;
        }
        return "the request comes from another origin than this server's pages";
    }

    /** The origin names the scheme, host and port the request was sent to (default ports filled in). */
    static boolean sameOrigin(String origin, HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null || host.isBlank()) {
            return false;
        }
        String requestScheme = request.isSecure() ? "https" : "http";
        if (request.getScheme() != null && !request.getScheme().isEmpty()) {
            requestScheme = request.getScheme().toLowerCase(Locale.ROOT);
        }
        URI o;
        URI h;
        try {
            o = new URI(origin.trim());
            h = new URI(requestScheme + "://" + host.trim());
        } catch (URISyntaxException e) {
            return false;
        }
        if (o.getScheme() == null
                || o.getHost() == null
                || h.getHost() == null
                || o.getRawPath() != null && !o.getRawPath().isEmpty()
                || o.getRawUserInfo() != null
                || o.getRawQuery() != null
                || o.getRawFragment() != null) {
            return false;
        }
        String scheme = o.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals(requestScheme)
                && o.getHost().toLowerCase(Locale.ROOT).equals(h.getHost().toLowerCase(Locale.ROOT))
                && port(o, scheme) == port(h, requestScheme);
    }

    private static int port(URI uri, String scheme) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equals(scheme) ? 443 : 80;
    }
}
