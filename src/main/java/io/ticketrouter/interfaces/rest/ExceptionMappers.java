package io.ticketrouter.interfaces.rest;

import io.ticketrouter.application.InvalidInputException;
import io.ticketrouter.application.ModelUnavailableException;
import io.ticketrouter.application.TicketNotFoundException;
import io.ticketrouter.interfaces.json.ApiJson;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error becomes {@code application/problem+json}: the application's exceptions with their messages, JAX-RS's
 * own (404, 405, 415, 406) with a sentence saying what is allowed, and anything unexpected as a generic 500 whose
 * details go to the log only (with an id to find them), never to the client.
 */
public final class ExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class.getName());

    private ExceptionMappers() {}

    @Provider
    public static class InvalidInput implements ExceptionMapper<InvalidInputException> {
        @Override
        public Response toResponse(InvalidInputException e) {
            return ProblemType.INVALID_INPUT.response(e.getMessage(), e.field());
        }
    }

    @Provider
    public static class Known implements ExceptionMapper<Problems.ProblemException> {
        @Override
        public Response toResponse(Problems.ProblemException e) {
            Response r = Problems.response(e.problem());
            // the body was not (completely) read: the connection cannot carry another request
            return e.problem().status() == 408 || e.problem().status() == 413
                    ? Response.fromResponse(r).header("Connection", "close").build()
                    : r;
        }
    }

    @Provider
    public static class NotFound implements ExceptionMapper<TicketNotFoundException> {
        @Override
        public Response toResponse(TicketNotFoundException e) {
            return ProblemType.NOT_FOUND.response(e.getMessage(), "reference");
        }
    }

    @Provider
    public static class DeliveryNotFound
            implements ExceptionMapper<io.ticketrouter.application.WebhookDeliveries.DeliveryNotFoundException> {
        @Override
        public Response toResponse(io.ticketrouter.application.WebhookDeliveries.DeliveryNotFoundException e) {
            return ProblemType.NOT_FOUND.response(e.getMessage(), "id");
        }
    }

    @Provider
    public static class ModelUnavailable implements ExceptionMapper<ModelUnavailableException> {
        @Override
        public Response toResponse(ModelUnavailableException e) {
            Response r = ProblemType.MODEL_UNAVAILABLE.response(e.getMessage(), null);
            return Response.fromResponse(r).header("Retry-After", "30").build();
        }
    }

    @Provider
    public static class MailUnavailable
            implements ExceptionMapper<io.ticketrouter.application.MailUnavailableException> {
        @Override
        public Response toResponse(io.ticketrouter.application.MailUnavailableException e) {
            return ProblemType.SERVICE_UNAVAILABLE.response(e.getMessage(), null);
        }
    }

    @Provider
    public static class ModelRefused implements ExceptionMapper<io.ticketrouter.application.ModelReloadException> {
        @Override
        public Response toResponse(io.ticketrouter.application.ModelReloadException e) {
            return ProblemType.MODEL_REFUSED.response(e.getMessage(), null);
        }
    }

    @Provider
    public static class Account implements ExceptionMapper<io.ticketrouter.application.AccountException> {
        @Override
        public Response toResponse(io.ticketrouter.application.AccountException e) {
            ProblemType type = e.kind() == io.ticketrouter.application.AccountException.Kind.NOT_FOUND
                    ? ProblemType.NOT_FOUND
                    : ProblemType.CONFLICT;
            return type.response(e.getMessage(), "username");
        }
    }

    @Provider
    public static class Conflict implements ExceptionMapper<OptimisticLockException> {
        @Override
        public Response toResponse(OptimisticLockException e) {
            return ProblemType.CONFLICT.response(
                    "the ticket was changed by someone else at the same time; "
                            + "load it again and repeat your change",
                    null);
        }
    }

    /** 409 with the ticket as it is now (an RFC 9457 extension member {@code current}). */
    @Provider
    public static class TicketConflict implements ExceptionMapper<io.ticketrouter.application.TicketConflictException> {
        @Override
        public Response toResponse(io.ticketrouter.application.TicketConflictException e) {
            String problem = ApiJson.JSONB.toJson(ProblemType.CONFLICT.problem(e.getMessage(), null));
            String current = ApiJson.JSONB.toJson(e.current());
            try (jakarta.json.JsonReader p = io.ticketrouter.interfaces.json.ApiJson.JSONP.createReader(
                            new java.io.StringReader(problem));
                    jakarta.json.JsonReader c = io.ticketrouter.interfaces.json.ApiJson.JSONP.createReader(
                            new java.io.StringReader(current))) {
                String body = io.ticketrouter.interfaces.json.ApiJson.JSONP
                        .createObjectBuilder(p.readObject())
                        .add("current", c.readObject())
                        .build()
                        .toString();
                return Response.status(409)
                        .type(Problem.MEDIA_TYPE)
                        .entity(body)
                        .build();
            }
        }
    }

    /** JAX-RS's own errors: unknown path, wrong method, wrong content type, unacceptable Accept header. */
    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {

        @Context
        UriInfo uriInfo;

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            String path =
                    uriInfo == null ? "this path" : uriInfo.getRequestUri().getRawPath();
            if (e instanceof NotFoundException) {
                return ProblemType.NOT_FOUND.response(
                        "there is no resource at " + path + "; see /docs for the API", null);
            }
            if (e instanceof NotAllowedException) {
                Set<String> allowed = new TreeSet<>(original.getAllowedMethods());
                Response r = ProblemType.METHOD_NOT_ALLOWED.response(
                        "this method is not allowed on " + path + "; allowed: " + String.join(", ", allowed), null);
                return Response.fromResponse(r).allow(allowed).build();
            }
            if (e instanceof NotSupportedException) {
                String type = headers == null || headers.getMediaType() == null
                        ? "none"
                        : headers.getMediaType().toString();
                return ProblemType.UNSUPPORTED_MEDIA_TYPE.response(
                        "Content-Type " + type + " is not supported here; send Content-Type: application/json", null);
            }
            if (e instanceof NotAcceptableException) {
                return ProblemType.NOT_ACCEPTABLE.response(
                        "this resource answers application/json "
                                + "(errors: application/problem+json); adjust the Accept header",
                        null);
            }
            int status = original == null ? 500 : original.getStatus();
            if (status == 413) {
                return ProblemType.PAYLOAD_TOO_LARGE.response(
                        "the request body must be at most " + JsonRequestReader.MAX_BYTES + " bytes (64 KB)", null);
            }
            if (status >= 400 && status < 500) {
                return Problems.response(ProblemType.OTHER_CLIENT_ERROR.problem(status, safeMessage(e, status), null));
            }
            return Unexpected.answer(e);
        }

        private static String safeMessage(WebApplicationException e, int status) {
            Response.Status s = Response.Status.fromStatusCode(status);
            return s == null ? "the request was refused (HTTP " + status + ")" : s.getReasonPhrase();
        }
    }

    /** Anything else: logged with an id, answered with a generic problem, never a stack trace. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            if (e instanceof WebApplicationException wae) {
                return new Web().toResponse(wae);
            }
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof OptimisticLockException ole) {
                    return new Conflict().toResponse(ole); // surfaced at commit, wrapped by the transaction
                }
                // a JSON provider other than ours read the body (should not happen, but never answer 500 for it)
                if (c instanceof jakarta.json.stream.JsonParsingException
                        || c instanceof jakarta.json.bind.JsonbException) {
                    return ProblemType.MALFORMED_JSON.response(
                            "the request body is not valid JSON or does not " + "match the expected fields", null);
                }
            }
            return answer(e);
        }

        static Response answer(Throwable e) {
            String id = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected error " + id, e);
            return Problems.response(new Problem(
                    ProblemType.INTERNAL.uri(),
                    ProblemType.INTERNAL.title(),
                    500,
                    "something went wrong on our side; the error was logged as " + id,
                    null));
        }
    }
}
