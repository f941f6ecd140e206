package io.ticketrouter.interfaces.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends text messages to one WebSocket session, one at a time, without ever blocking the caller.
 *
 * <p>Messages wait in a bounded queue while the previous one is in flight. A client that stops reading makes its
 * sends hang until the send timeout, its queue fills, and the session is then closed and dropped; other sessions are
 * untouched because nothing here is shared between sessions.
 */
final class SessionSender implements SendHandler {

    private static final Logger LOG = Logger.getLogger(SessionSender.class.getName());

    private final Session session;
    private final int capacity;
    private final Runnable onFailure;
    private final Deque<String> queue = new ArrayDeque<>();
    private boolean sending;
    private boolean closed;

    SessionSender(Session session, int capacity, long sendTimeoutMillis, Runnable onFailure) {
        this.session = session;
        this.capacity = capacity;
        this.onFailure = onFailure;
        session.getAsyncRemote().setSendTimeout(sendTimeoutMillis);
    }

    String id() {
        return session.getId();
    }

    /** The signed-in user who opened the session (the WebSocket handshake is authenticated), or null. */
    String username() {
        java.security.Principal user = session.getUserPrincipal();
        return user == null ? null : user.getName();
    }

    /**
     * Stops sending at once and closes the session with 1008 (policy violation): the user's sign-in changed. Called
     * off the thread that revoked, as closing may wait for a client that does not read.
     */
    void revoke(String why) {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, why));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Closing a revoked session", e);
        }
    }

    /** Queues a message; returns false (and drops the session) when the client is too far behind. */
    boolean offer(String text) {
        String next;
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (sending) {
                if (queue.size() >= capacity) {
                    closed = true;
                    next = null;
                } else {
                    queue.addLast(text);
                    return true;
                }
            } else {
                sending = true;
                next = text;
            }
        }
        if (next == null) {
            fail("client is more than " + capacity + " messages behind", null);
            return false;
        }
        send(next);
        return true;
    }

    private void send(String text) {
        try {
            session.getAsyncRemote().sendText(text, this);
        } catch (RuntimeException e) {
            fail("send refused", e);
        }
    }

    /** Completion of the message in flight: send the next one, or drop the session if the send failed. */
    @Override
    public void onResult(SendResult result) {
        if (!result.isOK()) {
            fail("send failed", result.getException());
            return;
        }
        String next;
        synchronized (this) {
            next = closed ? null : queue.pollFirst();
            sending = next != null;
        }
        if (next != null) {
            send(next);
        }
    }

    private void fail(String why, Throwable cause) {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
        LOG.log(
                Level.INFO,
                "Dropping dashboard session " + session.getId() + ": " + why
                        + (cause == null ? "" : " (" + cause + ")"));
        onFailure.run();
        try {
            if (session.isOpen()) {
                session.close(
                        new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow; reconnect and catch up"));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Closing a failed session", e);
        }
    }
}
