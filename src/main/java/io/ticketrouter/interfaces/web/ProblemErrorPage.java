package io.ticketrouter.interfaces.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The error page of the web container ({@code WEB-INF/web.xml}): errors raised before or outside JAX-RS (a path the
 * container refuses, a header Jersey cannot parse, an uncaught exception in a filter) answer with the same
 * {@code application/problem+json} shape as the API instead of the server's HTML report, which names the server
 * and may show a stack trace. Nothing from the failed request is echoed.
 */
@WebServlet(name = "ProblemErrorPage", urlPatterns = "/error-problem")
public class ProblemErrorPage extends HttpServlet {

    /** A request attribute with a more precise detail than the generic one (set by the authentication mechanism). */
    public static final String DETAIL_ATTRIBUTE = "io.ticketrouter.problem.detail";

    private record Kind(String anchor, String title, String detail) {
    }

    private static final Map<Integer, Kind> KINDS = Map.of(
            400, new Kind("bad-request", "Bad request", "the request could not be understood: check the path, "
                    + "headers and body against the API documentation at /docs/"),
            401, new Kind("unauthorized", "Unauthorized", "sign in to use this address"),
            403, new Kind("forbidden", "Forbidden", "your account may not use this address"),
            404, new Kind("not-found", "Not found", "nothing is served at this address; the API is under /api"),
            405, new Kind("method-not-allowed", "Method not allowed", "this method is not allowed here"),
            413, new Kind("payload-too-large", "Payload too large", "the request body must be at most 64 KB"),
            415, new Kind("unsupported-media-type", "Unsupported media type", "send Content-Type: application/json"),
            429, new Kind("too-many-requests", "Too many requests", "too many requests from your address: wait "
                    + "for the number of seconds in Retry-After"));

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Kind kind = KINDS.get(status);
        if (kind == null) {
            kind = status >= 500
                    ? new Kind("internal-error", "Internal error", "something went wrong on our side")
                    : new Kind("bad-request", "Bad request", "the request was refused (HTTP " + status + ")");
        }
        Object precise = request.getAttribute(DETAIL_ATTRIBUTE);
        String detail = precise instanceof String s ? s : kind.detail();
        String json = "{\"type\":\"/docs/problems.html#" + kind.anchor() + "\",\"title\":\"" + kind.title()
                + "\",\"status\":" + status + ",\"detail\":" + jakarta.json.Json.createValue(detail)
                + ",\"field\":null}";
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json);
    }
}
