package io.ticketrouter.interfaces.security;

import io.ticketrouter.application.Identity;
import io.ticketrouter.interfaces.web.ProblemErrorPage;
import io.ticketrouter.interfaces.web.SecurityHeadersFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How callers prove who they are, for every request:
 *
 * <ol>
 *   <li>{@code Authorization: Basic} (programs): verified once by the identity store, then from the
 *       {@link CredentialCache}; wrong credentials answer 401 even on open addresses, so a typo is not silently
 *       treated as anonymous.</li>
 *   <li>{@code Authorization: Bearer <token>}: a session token (the value of the {@code TR_SESSION} cookie).</li>
 *   <li>The {@code TR_SESSION} cookie (the dashboard, after the login page). A cookie is only honoured for a
 *       state-changing request or a WebSocket handshake when the request comes from this server's own pages or an
 *       allowed origin (cross-site request forgery and cross-site WebSocket hijacking).</li>
 * </ol>
 *
 * Without valid credentials, protected pages redirect to {@code /login.html?next=...} and protected API and
 * WebSocket addresses answer 401 problem+json. Nothing is stored in the HTTP session: every request authenticates
 * on its own, which is what lets any instance of a cluster serve any request.
 */
@ApplicationScoped
public class TicketRouterAuthentication implements HttpAuthenticationMechanism {

    public static final String SESSION_COOKIE = "TR_SESSION";
    public static final String CHALLENGE = "Bearer realm=\"Ticket Router\"";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    CredentialCache cache;

    @Inject
    RateLimits limits;

    @Inject
    Origins origins;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        RequestGuard.Refusal refusal = RequestGuard.check(request);
        if (refusal != null) {
            // ambiguous framing or a path that could mean two things: answered before anything looks further
            try {
                RequestGuard.answer(response, refusal);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && !authorization.isBlank()) {
            return fromHeader(authorization.trim(), request, response, context);
        }
        String token = sessionCookie(request);
        boolean cookieAllowed = token != null && origins.mayUseCookie(request);
        if (cookieAllowed) {
            Optional<Identity> identity = cache.session(token);
            if (identity.isPresent()) {
                return login(context, identity.get());
            }
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        SecurityHeadersFilter.apply(response);
        if (isPage(request)) {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            String next = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            return context.redirect(
                    request.getContextPath() + "/login.html?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
        String detail;
        if (token == null) {
            detail = "sign in first: send HTTP Basic credentials of an agent, or sign in at /login.html";
        } else if (!cookieAllowed) {
            detail = "the session cookie counts for a change or a dashboard connection only from this server's own "
                    + "pages: " + origins.cookieRefusal(request);
        } else {
            detail = "your session has ended: sign in again at /login.html";
        }
        return unauthorized(request, response, context, detail);
    }

    private AuthenticationStatus fromHeader(
            String authorization,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpMessageContext context) {
        String scheme = authorization.split(" ", 2)[0].toLowerCase(Locale.ROOT);
        String value = authorization.length() > scheme.length()
                ? authorization.substring(scheme.length()).trim()
                : "";
        if ("bearer".equals(scheme)) {
            Optional<Identity> identity = value.isEmpty() ? Optional.empty() : cache.session(value);
            return identity.isPresent()
                    ? login(context, identity.get())
                    : unauthorized(
                            request,
                            response,
                            context,
                            "the bearer token is unknown or has expired: " + "sign in again (POST /api/session)");
        }
        if (!"basic".equals(scheme)) {
            return unauthorized(
                    request,
                    response,
                    context,
                    "unsupported Authorization scheme: use Basic "
                            + "(user name and password) or Bearer (a session token)");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return unauthorized(
                    request, response, context, "the Basic credentials are not valid Base64 of " + "name:password");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return unauthorized(request, response, context, "the Basic credentials must be name:password");
        }
        String username = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        OptionalLong[] limited = {OptionalLong.empty()};
        Optional<Identity> identity = cache.basic(username, password, () -> {
            limited[0] = limits.passwordCheck(request.getRemoteAddr());
            if (limited[0].isPresent()) {
                return Optional.empty();
            }
            CredentialValidationResult result =
                    identityStores.validate(new UsernamePasswordCredential(username, password));
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return Optional.empty();
            }
            boolean admin = result.getCallerGroups().contains("admin");
            return Optional.of(new Identity(
                    result.getCallerPrincipal().getName(),
                    admin
                            ? io.ticketrouter.domain.model.user.Role.ADMIN
                            : io.ticketrouter.domain.model.user.Role.AGENT));
        });
        if (identity.isPresent()) {
            return login(context, identity.get());
        }
        if (limited[0].isPresent()) {
            return tooManyPasswordChecks(request, response, limited[0].getAsLong());
        }
        return unauthorized(request, response, context, "wrong user name or password");
    }

    private static AuthenticationStatus login(HttpMessageContext context, Identity identity) {
        return context.notifyContainerAboutLogin(
                identity.username(), new HashSet<>(identity.role().groups()));
    }

    private static AuthenticationStatus unauthorized(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context, String detail) {
        request.setAttribute(ProblemErrorPage.DETAIL_ATTRIBUTE, detail);
        SecurityHeadersFilter.apply(response);
        response.setHeader("WWW-Authenticate", CHALLENGE);
        return context.responseUnauthorized();
    }

    private static AuthenticationStatus tooManyPasswordChecks(
            HttpServletRequest request, HttpServletResponse response, long seconds) {
        request.setAttribute(
                ProblemErrorPage.DETAIL_ATTRIBUTE,
                "too many password checks from your address: " + "try again in " + seconds + " s");
        SecurityHeadersFilter.apply(response);
        response.setHeader("Retry-After", Long.toString(seconds));
        try {
            response.sendError(429);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /**
     * The session token the request presents: {@code Authorization: Bearer <token>}, else the {@code TR_SESSION}
     * cookie; null when there is none.
     */
    public static String sessionToken(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            return token.isEmpty() ? null : token;
        }
        return sessionCookie(request);
    }

    /** Whether the request carries a session token as {@code Authorization: Bearer} (not only the cookie). */
    public static boolean hasBearer(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && !authorization.substring(7).isBlank();
    }

    private static String sessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (SESSION_COOKIE.equals(c.getName())
                    && c.getValue() != null
                    && !c.getValue().isEmpty()) {
                return c.getValue();
            }
        }
        return null;
    }

    /** A page a person opens in a browser (redirect to the login page) rather than an API or WebSocket address. */
    private static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "GET".equals(request.getMethod()) && !path.startsWith("/api/") && !path.startsWith("/ws/");
    }
}
