package io.ticketrouter.interfaces.rest;

import jakarta.ws.rs.core.Response;

/** The kinds of problem the API reports, with their status and the anchor of their explanation. */
public enum ProblemType {
    INVALID_INPUT(400, "invalid-input", "Invalid input"),
    MALFORMED_JSON(400, "malformed-json", "Malformed JSON"),
    UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    REQUEST_TIMEOUT(408, "request-timeout", "Request timeout"),
    CONFLICT(409, "conflict", "Conflict"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    MODEL_REFUSED(422, "model-refused", "Model bundle refused"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    MODEL_UNAVAILABLE(503, "model-unavailable", "No model loaded"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable"),
    OTHER_CLIENT_ERROR(400, "bad-request", "Bad request"),
    INTERNAL(500, "internal-error", "Internal error");

    private final int status;
    private final String anchor;
    private final String title;

    ProblemType(int status, String anchor, String title) {
        this.status = status;
        this.anchor = anchor;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return "/docs/problems.html#" + anchor;
    }

    public Problem problem(String detail, String field) {
        return new Problem(uri(), title, status, detail, field);
    }

    public Problem problem(int status, String detail, String field) {
        return new Problem(uri(), title, status, detail, field);
    }

    /** A complete answer with this problem. */
    public Response response(String detail, String field) {
        return Problems.response(problem(detail, field));
    }
}
