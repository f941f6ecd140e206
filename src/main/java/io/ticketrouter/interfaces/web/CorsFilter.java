package io.ticketrouter.interfaces.web;

import io.ticketrouter.interfaces.security.Origins;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Cross-origin calls of the API from browsers: allowed only for the origins in
 * {@code ticketrouter.cors.allowed-origins} (comma-separated, empty by default, so by default no other site's page
 * can read an answer). Answers the preflight itself; never allows cookies cross-origin (callers from an allowed
 * origin send HTTP Basic credentials, or nothing for the anonymous ticket submission).
 */
@WebFilter(filterName = "CorsFilter", urlPatterns = "/api/*", asyncSupported = true)
public class CorsFilter extends HttpFilter {

    static final String METHODS = "GET, POST, PATCH, DELETE";
    static final String HEADERS = "Content-Type, Authorization, X-Status-Token";
    static final String EXPOSED = "Location, Retry-After";

    @Inject
    Origins origins;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin != null) {
            response.addHeader("Vary", "Origin");
            if (origins.allowedCrossOrigin(origin)) {
                response.setHeader("Access-Control-Allow-Origin", origin);
                response.setHeader("Access-Control-Expose-Headers", EXPOSED);
                if ("OPTIONS".equals(request.getMethod())
                        && request.getHeader("Access-Control-Request-Method") != null) {
                    response.setHeader("Access-Control-Allow-Methods", METHODS);
                    response.setHeader("Access-Control-Allow-Headers", HEADERS);
                    response.setHeader("Access-Control-Max-Age", "600");
                    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
