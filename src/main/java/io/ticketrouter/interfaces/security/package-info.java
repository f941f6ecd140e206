/**
 * Who may call what, wired into the container with Jakarta Security.
 *
 * <ul>
 *   <li>{@link io.ticketrouter.interfaces.security.TicketRouterAuthentication}: the
 *       {@code HttpAuthenticationMechanism}. Accepts HTTP Basic credentials, a session cookie ({@code TR_SESSION},
 *       from the login page) or the same token as {@code Authorization: Bearer}; sends browsers without a session to
 *       {@code /login.html}, programs a 401 problem.</li>
 *   <li>{@link io.ticketrouter.interfaces.security.AccountIdentityStore}: the {@code IdentityStore}; checks a
 *       password against its PBKDF2 hash in the database.</li>
 *   <li>{@link io.ticketrouter.interfaces.security.CredentialCache}: what was verified, re-checked against the
 *       database every minute without hashing, so no request computes a password hash (throughput, latency) and a
 *       changed password or removed user takes effect at once on this instance and within a minute on the
 *       others.</li>
 *   <li>{@link io.ticketrouter.interfaces.security.RateLimits}: per client address, for anonymous requests,
 *       anonymous ticket submissions and password checks (Bucket4j token buckets).</li>
 *   <li>{@link io.ticketrouter.interfaces.security.FirstAdmin}: user {@code admin} on the first start.</li>
 *   <li>{@link io.ticketrouter.interfaces.security.RequestGuard}: the first filter of every request; refuses
 *       ambiguous framing, paths that could mean two things, unknown charsets, the management endpoints to all but
 *       admins, and anonymous floods.</li>
 * </ul>
 *
 * <p>Roles: {@code agent} and {@code admin} (groups mapped to roles of the same name in
 * {@code WEB-INF/glassfish-web.xml}). Pages and the WebSocket are protected in {@code WEB-INF/web.xml}; the REST
 * resources declare what each method needs with {@link io.ticketrouter.interfaces.rest.Access}.
 *
 * <p>Part of the interfaces layer (it is the HTTP face of security): may depend on the application services, the
 * user accounts of the domain, the security primitives ({@code io.ticketrouter.security}), {@code interfaces.web}
 * (problem pages, security headers) and Jakarta Security / Servlet; never on persistence adapters.
 */
package io.ticketrouter.interfaces.security;
