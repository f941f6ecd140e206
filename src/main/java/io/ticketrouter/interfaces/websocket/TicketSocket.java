package io.ticketrouter.interfaces.websocket;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /ws/tickets}: dashboards connect here and receive one JSON message per ticket change. Clients send nothing
 * but a {@code "ping"} keep-alive every 25 seconds, answered with {@code "pong"}.
 *
 * <p>What a client can make the server hold is small: a message of more than {@value #MAX_MESSAGE_BYTES} bytes
 * closes the connection with 1009 (Tyrus reads frames into a 4 KB buffer, {@code WEB-INF/web.xml}); a connection
 * that sends nothing for {@code ticketrouter.websocket.idle-seconds} (60 by default) is closed; anything but
 * {@code "ping"} closes it with 1003. Close reasons are plain sentences, never the library's internals.
 */
@ServerEndpoint("/ws/tickets")
public class TicketSocket {

    private static final Logger LOG = Logger.getLogger(TicketSocket.class.getName());

    /** The largest message a dashboard may send; {@code "ping"} is 4 bytes. */
    static final int MAX_MESSAGE_BYTES = 64;

    @Inject
    TicketBroadcaster broadcaster;

    @Inject
    @ConfigProperty(name = "ticketrouter.websocket.idle-seconds", defaultValue = "60")
    int idleSeconds;

    @OnOpen
    public void open(Session session) {
        long idle = Math.max(1, idleSeconds) * 1000L;
        // The container arms a new session's idle timer with its default before this method runs; with a default of
        // 0 that timer fires at once, and when it fires only after the timeout was set here (a busy server, many
        // dashboards connecting) it closes the new session "because of the idle timeout". So the timeout becomes the
        // container's default for every later session, and is set here only while it is not.
        if (session.getContainer().getDefaultMaxSessionIdleTimeout() != idle) {
            session.getContainer().setDefaultMaxSessionIdleTimeout(idle);
        }
        if (session.getMaxIdleTimeout() != idle) {
            session.setMaxIdleTimeout(idle);
        }
        session.setMaxTextMessageBufferSize(MAX_MESSAGE_BYTES);
        session.setMaxBinaryMessageBufferSize(MAX_MESSAGE_BYTES);
        broadcaster.register(session);
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE_BYTES)
    public String message(Session session, String text) {
        if ("ping".equals(text)) {
            return "pong";
        }
        close(session, CloseReason.CloseCodes.CANNOT_ACCEPT, "the feed accepts only \"ping\"");
        return null;
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE_BYTES)
    public void binary(Session session, byte[] data) {
        close(session, CloseReason.CloseCodes.CANNOT_ACCEPT, "the feed accepts only the text \"ping\"");
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        broadcaster.unregister(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.log(Level.FINE, "Dashboard session " + session.getId() + " failed", error);
        broadcaster.unregister(session);
    }

    private void close(Session session, CloseReason.CloseCode code, String reason) {
        broadcaster.unregister(session);
        try {
            session.close(new CloseReason(code, reason));
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Closing dashboard session " + session.getId() + " failed", e);
        }
    }
}
