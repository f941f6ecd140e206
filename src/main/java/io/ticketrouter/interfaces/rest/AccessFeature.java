package io.ticketrouter.interfaces.rest;

import io.ticketrouter.interfaces.security.TicketRouterAuthentication;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Enforces {@link Access} on every resource method: anonymous callers of a protected method get 401, signed-in
 * callers without the role get 403, both as problem+json. Who the caller is was settled before JAX-RS by the
 * Jakarta Security mechanism ({@link TicketRouterAuthentication}).
 */
@Provider
public class AccessFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Access.Who who = required(resource.getResourceClass(), resource.getResourceMethod());
        if (who != Access.Who.ANYONE) {
            context.register(new Check(who));
        }
    }

    /** What the method needs: its own annotation, else its class's, else admin. */
    static Access.Who required(Class<?> type, Method method) {
        Access onMethod = method == null ? null : method.getAnnotation(Access.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        Access onType = type == null ? null : type.getAnnotation(Access.class);
        return onType != null ? onType.value() : Access.Who.ADMIN;
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Check implements ContainerRequestFilter {

        private final Access.Who who;

        Check(Access.Who who) {
            this.who = who;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            SecurityContext security = request.getSecurityContext();
            if (security == null || security.getUserPrincipal() == null) {
                request.abortWith(Response.fromResponse(ProblemType.UNAUTHORIZED.response(
                                "sign in first: send HTTP Basic credentials of "
                                        + (who == Access.Who.ADMIN ? "an admin" : "an agent")
                                        + ", or sign in at /login.html",
                                null))
                        .header("WWW-Authenticate", TicketRouterAuthentication.CHALLENGE)
                        .build());
                return;
            }
            String role = who == Access.Who.ADMIN ? "admin" : "agent";
            if (!security.isUserInRole(role)) {
                request.abortWith(ProblemType.FORBIDDEN.response(
                        security.getUserPrincipal().getName() + " may not do this: it needs the " + role + " role",
                        null));
            }
        }
    }
}
