package io.ticketrouter.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The container's own warnings about a client that went away in the middle of an answer (Jersey's "Error while
 * closing the output stream", the web container's error-page valve), the HTTP parser's refusals and the WebSocket
 * container's protocol errors come with a full stack trace per request, so any client could make the log grow as
 * fast as it can open connections (a path with a malformed escape, {@code /api/%zz}, makes the container log a
 * 30-line trace before the application sees the request). While the application runs, a filter on the log handlers turns such records into
 * one line each through {@link LogBudget#REQUEST_WARNINGS} (at most 20 a minute); every other record is untouched.
 */
@ApplicationScoped
public class ContainerLogGuard {

    static final List<String> LOGGERS = List.of(
            "org.glassfish.jersey.server.ServerRuntime$Responder",
            "jakarta.enterprise.web",
            "jakarta.enterprise.web.core",
            "org.glassfish.grizzly.http.HttpServerFilter",
            "org.glassfish.grizzly.filterchain.DefaultFilterChain",
            "org.glassfish.tyrus.core.TyrusEndpointWrapper",
            "org.glassfish.tyrus.servlet.TyrusHttpUpgradeHandler");

    /** Where the one-line entries go. */
    private static final Logger REQUESTS = Logger.getLogger("io.ticketrouter.requests");

    private final List<java.util.logging.Handler> guarded = new java.util.ArrayList<>();

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (java.util.logging.Handler h : Logger.getLogger("").getHandlers()) {
            h.setFilter(new Guard(h.getFilter()));
            guarded.add(h);
        }
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        for (java.util.logging.Handler h : guarded) {
            if (h.getFilter() instanceof Guard g) {
                h.setFilter(g.previous);
            }
        }
        guarded.clear();
    }

    /** Whether the record is about a request's connection or protocol (not a fault of the server). */
    static boolean clientWentAway(LogRecord r) {
        if (r.getLoggerName() == null || !LOGGERS.contains(r.getLoggerName())) {
            return false;
        }
        if (!r.getLoggerName().startsWith("jakarta.") && !r.getLoggerName().startsWith("org.glassfish.jersey")) {
            return true; // the HTTP parser's refusals, WebSocket protocol errors
        }
        for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
            // the container's URI and header decoding refusing what the client sent (a malformed escape)
            StackTraceElement[] at = t.getStackTrace();
            if (t instanceof IllegalArgumentException
                    && at.length > 0
                    && at[0].getClassName().startsWith("org.glassfish.grizzly.http.util.")) {
                return true;
            }
        }
        // the web container's error-page valve writes the stack trace into the message itself
        String message = r.getMessage();
        return message != null && (message.contains("java.io.IOException") || message.contains("ClientAbortException"));
    }

    private static final class Guard implements Filter {

        final Filter previous;

        Guard(Filter previous) {
            this.previous = previous;
        }

        @Override
        public boolean isLoggable(LogRecord r) {
            if (previous != null && !previous.isLoggable(r)) {
                return false;
            }
            if (r.getLevel().intValue() < Level.WARNING.intValue() || !clientWentAway(r)) {
                return true;
            }
            Throwable t = r.getThrown();
            String text = r.getMessage() == null ? "" : r.getMessage().strip();
            String first = text.lines().findFirst().orElse("");
            if (t == null && text.contains("java.io.IOException")) {
                first += " ("
                        + text.lines()
                                .filter(l -> l.startsWith("java.io.IOException"))
                                .findFirst()
                                .orElse("java.io.IOException")
                        + ")";
            }
            String message =
                    first + (t == null ? "" : " (" + t.getClass().getSimpleName() + ": " + t.getMessage() + ")");
            message = message.replaceAll("\\s+", " ");
            LogBudget.REQUEST_WARNINGS.log(
                    REQUESTS,
                    "Request: " + (message.length() > 300 ? message.substring(0, 300) + "..." : message),
                    null);
            return false;
        }
    }
}
