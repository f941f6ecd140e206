package io.ticketrouter.interfaces.rest;

import io.ticketrouter.interfaces.security.RateLimits;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.OptionalLong;

/**
 * Anonymous ticket submissions per client address: {@code ticketrouter.ratelimit.tickets-per-minute} (20 by
 * default, 0 for none); beyond, 429 with {@code Retry-After}. Signed-in agents and admins are not limited. The
 * address is the TCP peer's: behind a reverse proxy every client shares the proxy's address (see docs/security.md).
 */
@Provider
@RateLimited
@Priority(Priorities.AUTHORIZATION + 10)
public class TicketRateLimit implements ContainerRequestFilter {

    @Inject
    RateLimits limits;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext() != null && request.getSecurityContext().getUserPrincipal() != null) {
            return;
        }
        OptionalLong wait = limits.ticket(servletRequest.getRemoteAddr());
        if (wait.isPresent()) {
            request.abortWith(Response.fromResponse(ProblemType.TOO_MANY_REQUESTS.response(
                            "at most " + limits.ticketsPerMinute() + " tickets a minute may be sent from one "
                                    + "address: try again in " + wait.getAsLong() + " s",
                            null))
                    .header("Retry-After", Long.toString(wait.getAsLong()))
                    .build());
        }
    }
}
