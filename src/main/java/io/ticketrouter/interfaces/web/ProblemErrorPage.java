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
 * container refuses, a header Jersey cannot parse, an uncaught exception in a filter, a range beyond a static file)
 * answer with the same {@code application/problem+json} shape as the API instead of the server's HTML report, which
 * names the server and may show a stack trace. Nothing from the failed request is echoed. {@link #write} is the
 * same answer for the filters that refuse a request themselves.
 */
@WebServlet(name = "ProblemErrorPage", urlPatterns = "/error-problem")
public class ProblemErrorPage extends HttpServlet {

    /** A request attribute with a more precise detail than the generic one (set by the authentication mechanism). */
    public static final String DETAIL_ATTRIBUTE = "io.ticketrouter.problem.detail";

    private record Kind(String anchor, String title, String detail) {}

    private static final Map<Integer, Kind> KINDS = Map.ofEntries(
            Map.entry(
                    400,
                    new Kind(
                            "bad-request",
                            "Bad request",
                            "the request could not be understood: check the "
                                    + "path, headers and body against the API documentation at /docs/")),
            Map.entry(401, new Kind("unauthorized", "Unauthorized", "sign in to use this address")),
            Map.entry(403, new Kind("forbidden", "Forbidden", "your account may not use this address")),
            Map.entry(
                    404,
                    new Kind(
                            "not-found", "Not found", "nothing is served at this address; the API is under " + "/api")),
            Map.entry(405, new Kind("method-not-allowed", "Method not allowed", "this method is not allowed here")),
            Map.entry(
                    406,
                    new Kind(
                            "not-acceptable",
                            "Not acceptable",
                            "this address answers only in the media "
                                    + "types it documents (application/json, or text/plain for /metrics), in UTF-8")),
            Map.entry(
                    408,
                    new Kind(
                            "request-timeout",
                            "Request timeout",
                            "the request did not arrive in time: " + "send the whole request within 10 seconds")),
            Map.entry(
                    411,
                    new Kind("length-required", "Length required", "send the request body with a " + "Content-Length")),
            Map.entry(
                    413,
                    new Kind("payload-too-large", "Payload too large", "the request body must be at most " + "64 KB")),
            Map.entry(414, new Kind("uri-too-long", "URI too long", "the address is too long")),
            Map.entry(
                    415,
                    new Kind(
                            "unsupported-media-type",
                            "Unsupported media type",
                            "send Content-Type: " + "application/json")),
            Map.entry(
                    416,
                    new Kind(
                            "range-not-satisfiable",
                            "Range not satisfiable",
                            "the requested range lies " + "beyond the end of the file")),
            Map.entry(
                    417,
                    new Kind(
                            "expectation-failed", "Expectation failed", "only Expect: 100-continue is " + "supported")),
            Map.entry(
                    426,
                    new Kind(
                            "upgrade-required",
                            "Upgrade required",
                            "the dashboard feed speaks WebSocket " + "version 13 (RFC 6455) only")),
            Map.entry(
                    429,
                    new Kind(
                            "too-many-requests",
                            "Too many requests",
                            "too many requests from your address: " + "wait for the number of seconds in Retry-After")),
            Map.entry(
                    431,
                    new Kind(
                            "header-fields-too-large",
                            "Request header fields too large",
                            "the request's " + "headers are too large")),
            Map.entry(
                    501,
                    new Kind(
                            "not-implemented",
                            "Not implemented",
                            "this method or transfer coding is not " + "supported")),
            Map.entry(
                    503,
                    new Kind(
                            "service-unavailable",
                            "Service unavailable",
                            "the service is starting or " + "stopping: try again shortly")));

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Object precise = request.getAttribute(DETAIL_ATTRIBUTE);
        try {
            write(response, status, precise instanceof String s ? s : null);
        } catch (IOException clientGone) {
            // the connection was closed before the answer (the container refused the request's framing, or the
            // client left): nobody is left to read it, and it is not the server's fault
        }
    }

    /**
     * Answers with a problem document of this status; {@code detail} null gives the status's generic explanation.
     * Used by the error page and by filters that refuse a request without passing it on.
     */
    public static void write(HttpServletResponse response, int status, String detail) throws IOException {
        Kind kind = KINDS.get(status);
        if (kind == null) {
            kind = status >= 500
                    ? new Kind("internal-error", "Internal error", "something went wrong on our side")
                    : new Kind("bad-request", "Bad request", "the request was refused (HTTP " + status + ")");
        }
        String json = "{\"type\":\"/docs/problems.html#" + kind.anchor() + "\",\"title\":\"" + kind.title()
                + "\",\"status\":" + status + ",\"detail\":"
                + io.ticketrouter.interfaces.json.ApiJson.JSONP.createValue(detail == null ? kind.detail() : detail)
                + ",\"field\":null}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        // JSON is UTF-8 by definition (RFC 8259): the same media type as the API's problems, without a charset
        response.setContentType("application/problem+json");
        response.setContentLength(bytes.length);
        try {
            response.getOutputStream().write(bytes);
        } catch (IllegalStateException writerInUse) {
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(json);
        }
    }
}
