package io.ticketrouter.interfaces.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Builds problem answers. The body is serialized here so it never depends on a provider for the media type. */
public final class Problems {

    private Problems() {
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(JsonbConfiguration.JSONB.toJson(problem))
                .build();
    }

    /** An exception carrying a finished problem answer (for places that cannot return a response). */
    public static WebApplicationException exception(ProblemType type, String detail, String field) {
        return new ProblemException(type.problem(detail, field));
    }

    /** A {@link WebApplicationException} whose response is a problem answer. */
    public static final class ProblemException extends WebApplicationException {

        private static final long serialVersionUID = 1L;

        ProblemException(Problem problem) {
            super(problem.detail(), response(problem));
        }
    }
}
