package io.ticketrouter.interfaces.rest;

import io.ticketrouter.interfaces.json.ApiJson;
import jakarta.ws.rs.core.Response;

/** Builds problem answers. The body is serialized here so it never depends on a provider for the media type. */
public final class Problems {

    private Problems() {}

    public static Response response(Problem problem) {
        // the HTTP layer knows no reason phrase for 429 and would send "CUSTOM"
        Response.ResponseBuilder b =
                problem.status() == 429 ? Response.status(429, "Too Many Requests") : Response.status(problem.status());
        return b.type(Problem.MEDIA_TYPE).entity(ApiJson.JSONB.toJson(problem)).build();
    }

    /** An exception carrying a finished problem (for places that cannot return a response, like readers). */
    public static ProblemException exception(ProblemType type, String detail, String field) {
        return new ProblemException(type.problem(detail, field));
    }

    /** A request problem found before a resource method runs; answered by {@link ExceptionMappers.Known}. */
    public static final class ProblemException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient Problem problem;

        ProblemException(Problem problem) {
            super(problem.detail(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }
}
