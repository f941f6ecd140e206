package io.ticketrouter.interfaces.rest;

import io.ticketrouter.application.AccountService;
import io.ticketrouter.application.InvalidInputException;
import io.ticketrouter.application.SignedIn;
import io.ticketrouter.interfaces.security.CredentialCache;
import io.ticketrouter.interfaces.security.Origins;
import io.ticketrouter.interfaces.security.RateLimits;
import io.ticketrouter.interfaces.security.SecuritySettings;
import io.ticketrouter.interfaces.security.TicketRouterAuthentication;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/session}: the login page signs in here and gets the {@code TR_SESSION} cookie (HttpOnly,
 * SameSite=Strict, Secure over HTTPS); the dashboard asks who is signed in and signs out.
 */
@Path("session")
@RequestScoped
@Tag(name = "Session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    AccountService accounts;

    @Inject
    SecuritySettings settings;

    @Inject
    RateLimits limits;

    @Inject
    CredentialCache cache;

    @Inject
    Origins origins;

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    /** Who is signed in. */
    @Schema(name = "Session")
    public record SessionView(String username, String role, Instant expiresAt) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Access.Who.ANYONE)
    @Operation(
            summary = "Sign in",
            description = "Checks the password and sets the TR_SESSION cookie (HttpOnly, "
                    + "SameSite=Strict). Programs may send the cookie's value as Authorization: Bearer, or use HTTP Basic "
                    + "on every call instead. Password checks are limited per client address.")
    @APIResponse(
            responseCode = "200",
            description = "Signed in; the cookie is set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Session")))
    @APIResponse(responseCode = "401", description = "Wrong user name or password")
    @APIResponse(responseCode = "429", description = "Too many password checks from this address")
    public Response signIn(SignInRequest body) {
        if (body == null) {
            RequestValidation.check(new SignInRequest(null, null)); // says what to send
        }
        OptionalLong wait = limits.passwordCheck(request.getRemoteAddr());
        if (wait.isPresent()) {
            return tooMany("sign-in attempts", wait.getAsLong());
        }
        Optional<SignedIn> signedIn =
                accounts.signIn(body.username(), body.password().toCharArray(), settings.sessionLifetime());
        if (signedIn.isEmpty()) {
            return Response.fromResponse(ProblemType.UNAUTHORIZED.response("wrong user name or password", null))
                    .header("WWW-Authenticate", TicketRouterAuthentication.CHALLENGE)
                    .build();
        }
        return withSession(signedIn.get());
    }

    @GET
    @Access(Access.Who.AGENT)
    @Operation(summary = "Who is signed in", description = "The caller's user name and role.")
    @APIResponse(
            responseCode = "200",
            description = "The caller",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Session")))
    @APIResponse(responseCode = "401", description = "Not signed in")
    public SessionView current() {
        String role = security.isUserInRole("admin") ? "admin" : "agent";
        return new SessionView(security.getUserPrincipal().getName(), role, null);
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Access.Who.AGENT)
    @Operation(
            summary = "Change my password",
            description = "The signed-in user (agent or admin) changes their own "
                    + "password, giving the current one. Every session of the user ends on every instance; the answer sets a "
                    + "new TR_SESSION cookie for this client. Password checks are limited per client address.")
    @APIResponse(
            responseCode = "200",
            description = "Changed; signed in again with a new session",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Session")))
    @APIResponse(
            responseCode = "400",
            description = "The current password is wrong, or the new one is not allowed "
                    + "(12 to 200 characters, different from the current one)")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "429", description = "Too many password checks from this address")
    public Response changePassword(PasswordChangeRequest body) {
        if (body == null) {
            RequestValidation.check(new PasswordChangeRequest(null, null)); // says what to send
        }
        OptionalLong wait = limits.passwordCheck(request.getRemoteAddr());
        if (wait.isPresent()) {
            return tooMany("password checks", wait.getAsLong());
        }
        Optional<SignedIn> signedIn = accounts.changeOwnPassword(
                security.getUserPrincipal().getName(),
                body.currentPassword().toCharArray(),
                body.newPassword(),
                settings.sessionLifetime());
        if (signedIn.isEmpty()) {
            throw new InvalidInputException("current_password", "the current password is wrong");
        }
        // the old session, like the user's others, left the credential cache when the change committed (AccountChanged)
        return withSession(signedIn.get());
    }

    @DELETE
    @Access(Access.Who.ANYONE)
    @Operation(
            summary = "Sign out",
            description = "Ends the session of the cookie (or Bearer token) on every "
                    + "instance and clears the cookie. The cookie counts only from this server's own pages, as for every "
                    + "other change: a sign-out from another site's page (Origin, Sec-Fetch-Site: cross-site, Origin: null) "
                    + "is refused with 403 and the session goes on.")
    @APIResponse(responseCode = "204", description = "Signed out")
    @APIResponse(responseCode = "403", description = "The cookie came with a request from another site")
    public Response signOut() {
        String token = TicketRouterAuthentication.sessionToken(request);
        boolean byCookie = token != null && !TicketRouterAuthentication.hasBearer(request);
        String refusal = byCookie ? origins.cookieRefusal(request) : null;
        if (refusal != null) {
            return ProblemType.FORBIDDEN.response(
                    "the session cookie signs out only from this server's own pages: " + refusal, null);
        }
        if (token != null) {
            accounts.signOut(io.ticketrouter.security.Tokens.digest(token));
            cache.forgetSession(token);
        }
        return Response.noContent().cookie(cookie("", 0)).build();
    }

    /** 200 with who is signed in, and the new session's cookie. */
    private Response withSession(SignedIn s) {
        return Response.ok(new SessionView(
                        s.identity().username(), s.identity().role().wireName(), s.expiresAt()))
                .cookie(cookie(s.token(), (int) settings.sessionLifetime().toSeconds()))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** 429 with Retry-After: the address used up its password checks for now. */
    private static Response tooMany(String what, long seconds) {
        return Response.fromResponse(ProblemType.TOO_MANY_REQUESTS.response(
                        "too many " + what + " from your " + "address: try again in " + seconds + " s", null))
                .header("Retry-After", Long.toString(seconds))
                .build();
    }

    private NewCookie cookie(String value, int maxAge) {
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        return new NewCookie.Builder(TicketRouterAuthentication.SESSION_COOKIE)
                .value(value)
                .path(path)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(maxAge)
                .build();
    }
}
