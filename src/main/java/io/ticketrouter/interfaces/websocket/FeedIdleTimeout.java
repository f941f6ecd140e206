package io.ticketrouter.interfaces.websocket;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.server.ServerContainer;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Gives every dashboard session its idle timeout ({@code ticketrouter.websocket.idle-seconds}, 60 by default) from the
 * moment the container creates it, as the container's default.
 *
 * <p>Not in {@code @OnOpen}: the container (Tyrus) arms the idle timer of a new session with its default, and with a
 * default of 0 that timer fires at once; when it fires only after {@code @OnOpen} has set the real timeout (a busy
 * machine, many dashboards connecting), it closes the new session straight away "because of the idle timeout".
 */
@WebListener
public class FeedIdleTimeout implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(FeedIdleTimeout.class.getName());

    /** The idle timeout of a dashboard session, in milliseconds. */
    static long millis() {
        int seconds = ConfigProvider.getConfig()
                .getOptionalValue("ticketrouter.websocket.idle-seconds", Integer.class)
                .orElse(60);
        return Math.max(1, seconds) * 1000L;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Object container = event.getServletContext().getAttribute(ServerContainer.class.getName());
        if (container instanceof ServerContainer server) {
            server.setDefaultMaxSessionIdleTimeout(millis());
        } else {
            LOG.warning("No WebSocket server container: dashboard sessions get their idle timeout when they open");
        }
    }
}
