package io.ticketrouter.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Adds the security headers to every response of the application (pages, API, errors) and sends {@code /agent} to
 * {@code /agent/} so the dashboard's relative links resolve.
 *
 * <p>Ticket text is untrusted. The pages render it with {@code textContent} only; the policy is the second line of
 * defence: no inline script, no plug-ins, no framing, resources from this origin only.
 */
@WebFilter(filterName = "SecurityHeadersFilter", urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /**
     * Sets the headers; also called by the authentication mechanism, whose redirects to the login page and 401
     * answers are sent before any filter runs.
     */
    public static void apply(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(response);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("/agent".equals(path) && "GET".equals(request.getMethod())) {
            String query = request.getQueryString();
            response.sendRedirect(request.getContextPath() + "/agent/" + (query == null ? "" : "?" + query));
            return;
        }
        chain.doFilter(request, response);
    }
}
