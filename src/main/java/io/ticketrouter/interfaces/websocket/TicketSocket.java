package io.ticketrouter.interfaces.websocket;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /ws/tickets}: dashboards connect here and receive one JSON message per ticket change. Clients send nothing
 * but an occasional {@code "ping"} keep-alive, answered with {@code "pong"}.
 */
@ServerEndpoint("/ws/tickets")
public class TicketSocket {

    private static final Logger LOG = Logger.getLogger(TicketSocket.class.getName());

    @Inject
    TicketBroadcaster broadcaster;

    @OnOpen
    public void open(Session session) {
        session.setMaxIdleTimeout(0);
        broadcaster.register(session);
    }

    @OnMessage
    public String message(String text) {
        return "ping".equals(text) ? "pong" : null;
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
}
