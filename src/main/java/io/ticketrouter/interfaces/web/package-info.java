/**
 * Serving the static pages ({@code webapp/}): the customer portal at {@code /}, the agent dashboard at
 * {@code /agent/}. Only cross-cutting HTTP concerns live here (security headers, the {@code /agent} address); the
 * pages themselves are plain HTML, CSS and JavaScript that talk to {@code /api} and {@code /ws/tickets}.
 *
 * <p>Depends on the Jakarta Servlet API only.
 */
package io.ticketrouter.interfaces.web;
