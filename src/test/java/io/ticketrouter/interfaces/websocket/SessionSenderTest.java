package io.ticketrouter.interfaces.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A dashboard that stops reading fills only its own queue and is dropped; a healthy one gets every message. */
class SessionSenderTest {

    /**
     * A session whose sends complete only when {@link #complete()} is called (a client that stopped reading), or at
     * once. Like a real client that stopped reading, the stuck one also never lets a blocking send return: a sender
     * that used one (or waited for an asynchronous send) would hang the caller.
     */
    static final class FakeSession {
        final List<String> sent = Collections.synchronizedList(new ArrayList<>());
        final List<SendHandler> pending = Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean closed = new AtomicBoolean();
        final CountDownLatch released = new CountDownLatch(1);
        final Session session;

        FakeSession(String id, boolean completesAtOnce) {
            RemoteEndpoint.Async async = (RemoteEndpoint.Async) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                        if (method.getName().equals("sendText") && args.length == 2) {
                            sent.add((String) args[0]);
                            SendHandler handler = (SendHandler) args[1];
                            if (completesAtOnce) {
                                handler.onResult(new SendResult());
                            } else {
                                pending.add(handler);
                            }
                        } else if (method.getName().equals("sendText")) {
                            sent.add((String) args[0]);
                            return completesAtOnce
                                    ? CompletableFuture.completedFuture(null)
                                    : new CompletableFuture<>();
                        }
                        return null;
                    });
            RemoteEndpoint.Basic basic = (RemoteEndpoint.Basic) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {RemoteEndpoint.Basic.class}, (proxy, method, args) -> {
                        if (method.getName().startsWith("send")) {
                            if (!completesAtOnce && !released.await(60, TimeUnit.SECONDS)) {
                                throw new IOException("a blocking send to a client that does not read never returns");
                            }
                            sent.add(String.valueOf(args[0]));
                        }
                        return null;
                    });
            session = (Session) Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {Session.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getAsyncRemote" -> async;
                        case "getBasicRemote" -> basic;
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
            List<SendHandler> handlers;
            synchronized (pending) {
                handlers = new ArrayList<>(pending);
                pending.clear();
            }
            handlers.forEach(h -> h.onResult(new SendResult()));
        }

        List<String> sent() {
            synchronized (sent) {
                return List.copyOf(sent);
            }
        }
    }

    @Test
    void messagesGoOutOneAtATimeInOrder() {
        FakeSession client = new FakeSession("a", false);
        SessionSender sender = new SessionSender(client.session, 10, 1000, () -> {});
        assertTrue(sender.offer("1"));
        assertTrue(sender.offer("2"));
        assertTrue(sender.offer("3"));
        assertEquals(List.of("1"), client.sent(), "the next message waits until the one in flight is sent");
        client.complete();
        client.complete();
        client.complete();
        assertEquals(List.of("1", "2", "3"), client.sent());
    }

    @Test
    void aClientThatStopsReadingDoesNotDelayTheOthers() throws Exception {
        TicketBroadcaster broadcaster = new TicketBroadcaster();
        FakeSession stuck = new FakeSession("stuck", false);
        List<FakeSession> healthy =
                List.of(new FakeSession("a", true), new FakeSession("b", true), new FakeSession("c", true));
        broadcaster.register(stuck.session);
        healthy.forEach(h -> broadcaster.register(h.session));
        List<String> messages = IntStream.range(0, 50).mapToObj(i -> "m" + i).toList();
        // fewer messages than a queue holds: the stuck client is behind, not yet dropped
        assertTrue(messages.size() < TicketBroadcaster.QUEUE_CAPACITY);

        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<?> delivering = thread.submit(() -> messages.forEach(broadcaster::deliver));
            try {
                delivering.get(30, TimeUnit.SECONDS); // a liveness bound, not a latency
            } catch (TimeoutException e) {
                throw new AssertionError("the stuck client held up the delivery to the others (healthy ones got "
                        + healthy.stream().map(h -> h.sent().size()).toList() + " of " + messages.size() + ")");
            }

            for (FakeSession h : healthy) {
                assertEquals(messages, h.sent(), "every healthy dashboard got every message, in order");
            }
            assertEquals(List.of("m0"), stuck.sent(), "the stuck client still has its first message in flight");
            assertEquals(1, stuck.pending.size(), "and that send has not completed");
            assertFalse(stuck.closed.get(), "a client that is behind is not dropped before its queue is full");
            assertEquals(4, broadcaster.sessionCount());

            stuck.complete();
            assertEquals(List.of("m0", "m1"), stuck.sent(), "once it reads again it gets the next message");
        } finally {
            stuck.released.countDown();
            thread.shutdownNow();
        }
    }

    @Test
    void aClientThatStopsReadingIsDroppedOnceItsQueueIsFull() {
        FakeSession stuck = new FakeSession("stuck", false);
        FakeSession healthy = new FakeSession("healthy", true);
        AtomicInteger dropped = new AtomicInteger();
        SessionSender stuckSender = new SessionSender(stuck.session, 5, 1000, dropped::incrementAndGet);
        SessionSender healthySender = new SessionSender(healthy.session, 5, 1000, () -> {});

        List<Boolean> accepted = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            accepted.add(stuckSender.offer("m" + i));
            assertTrue(healthySender.offer("m" + i));
        }

        assertEquals(Collections.nCopies(6, true), accepted.subList(0, 6), "one in flight and five queued");
        assertEquals(
                Collections.nCopies(94, false),
                accepted.subList(6, 100),
                "the stuck client is refused once its queue is full");
        assertEquals(1, dropped.get(), "and dropped exactly once");
        assertTrue(stuck.closed.get(), "its session is closed so it reconnects and catches up");
        assertEquals(List.of("m0"), stuck.sent());
        assertEquals(
                IntStream.range(0, 100).mapToObj(i -> "m" + i).toList(),
                healthy.sent(),
                "the healthy client got every message");
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
