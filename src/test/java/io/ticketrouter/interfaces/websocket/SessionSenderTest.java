package io.ticketrouter.interfaces.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A dashboard that stops reading fills only its own queue and is dropped; a healthy one gets every message. */
class SessionSenderTest {

    /** A session whose sends complete only when {@link #complete()} is called (a client that stopped reading). */
    static final class FakeSession {
        final List<String> sent = new ArrayList<>();
        final List<SendHandler> pending = new ArrayList<>();
        final AtomicBoolean closed = new AtomicBoolean();
        final boolean completesAtOnce;
        final Session session;

        FakeSession(String id, boolean completesAtOnce) {
            this.completesAtOnce = completesAtOnce;
            RemoteEndpoint.Async async = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                        if (method.getName().equals("sendText") && args.length == 2) {
                            sent.add((String) args[0]);
                            SendHandler handler = (SendHandler) args[1];
                            if (completesAtOnce) {
                                handler.onResult(new SendResult());
                            } else {
                                pending.add(handler);
                            }
                        }
                        return null;
                    });
            session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getAsyncRemote" -> async;
                        case "getId" -> id;
                        case "isOpen" -> !closed.get();
                        case "close" -> {
                            closed.set(true);
                            yield null;
                        }
                        default -> null;
                    });
        }

        void complete() {
            List<SendHandler> handlers = new ArrayList<>(pending);
            pending.clear();
            handlers.forEach(h -> h.onResult(new SendResult()));
        }
    }

    @Test
    void messagesGoOutOneAtATimeInOrder() {
        FakeSession client = new FakeSession("a", false);
        SessionSender sender = new SessionSender(client.session, 10, 1000, () -> { });
        assertTrue(sender.offer("1"));
        assertTrue(sender.offer("2"));
        assertTrue(sender.offer("3"));
        assertEquals(List.of("1"), client.sent, "the next message waits until the one in flight is sent");
        client.complete();
        client.complete();
        client.complete();
        assertEquals(List.of("1", "2", "3"), client.sent);
    }

    @Test
    void aClientThatStopsReadingIsDroppedWithoutDelayingTheOthers() {
        FakeSession stuck = new FakeSession("stuck", false);
        FakeSession healthy = new FakeSession("healthy", true);
        AtomicInteger dropped = new AtomicInteger();
        SessionSender stuckSender = new SessionSender(stuck.session, 5, 1000, dropped::incrementAndGet);
        SessionSender healthySender = new SessionSender(healthy.session, 5, 1000, () -> { });

        boolean accepted = true;
        for (int i = 0; i < 100; i++) {
            accepted &= stuckSender.offer("m" + i);
            assertTrue(healthySender.offer("m" + i));
        }

        assertFalse(accepted, "the stuck client is refused once its queue is full");
        assertEquals(1, dropped.get(), "and dropped exactly once");
        assertTrue(stuck.closed.get(), "its session is closed so it reconnects and catches up");
        assertEquals(100, healthy.sent.size(), "the healthy client got every message");
        assertFalse(healthy.closed.get());
    }

    @Test
    void aFailedSendDropsTheSession() {
        FakeSession client = new FakeSession("a", false);
        AtomicInteger dropped = new AtomicInteger();
        SessionSender sender = new SessionSender(client.session, 10, 1000, dropped::incrementAndGet);
        sender.offer("1");
        client.pending.get(0).onResult(new SendResult(new java.io.IOException("broken pipe")));
        assertEquals(1, dropped.get());
        assertTrue(client.closed.get());
        assertFalse(sender.offer("2"));
    }
}
