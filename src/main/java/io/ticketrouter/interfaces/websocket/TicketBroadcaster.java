package io.ticketrouter.interfaces.websocket;

import io.ticketrouter.application.AccountChanged;
import io.ticketrouter.application.ClusterTransport;
import io.ticketrouter.application.ModelChanged;
import io.ticketrouter.application.TicketChanged;
import io.ticketrouter.application.TicketIndex;
import io.ticketrouter.interfaces.json.ApiJson;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.websocket.Session;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the open dashboard sessions and forwards every committed ticket change to all of them, on this member and,
 * through the {@link ClusterTransport}, on every other member of a cluster.
 *
 * <p>The application fires {@link TicketChanged} with {@code fireAsync}, so this observer already runs off the request
 * thread; it serializes the change once, hands the text to each local session's own {@link SessionSender}, which never
 * blocks, and then to the cluster transport, which returns at once. Texts that other members published arrive through
 * {@link #deliver(String)} and go to the local sessions only (never published again).
 */
@ApplicationScoped
public class TicketBroadcaster {

    private static final Logger LOG = Logger.getLogger(TicketBroadcaster.class.getName());

    /** Messages a session may have waiting before it is considered dead and dropped. */
    static final int QUEUE_CAPACITY = 1_000;
    /** How long one send may take before the session is considered dead. */
    static final long SEND_TIMEOUT_MILLIS = 10_000;

    private final Map<String, SessionSender> senders = new ConcurrentHashMap<>();

    @Inject
    ClusterTransport cluster;

    @Inject
    TicketIndex index;

    @Resource
    ManagedExecutorService executor;
    /** The REST API's JSON-B, so both deliver the same ticket JSON. */
    private final Jsonb jsonb = ApiJson.JSONB;

    /** Subscribes to the other members' changes as soon as the application starts, before any dashboard connects. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        cluster.subscribe(this::received);
        LOG.log(Level.INFO, "Dashboard pushes: {0}", cluster.describe());
    }

    void register(Session session) {
        String id = session.getId();
        senders.put(id, new SessionSender(session, QUEUE_CAPACITY, SEND_TIMEOUT_MILLIS, () -> senders.remove(id)));
    }

    void unregister(Session session) {
        senders.remove(session.getId());
    }

    /**
     * A user's password or role changed, the user was removed or signed out: their dashboards on this member get no
     * further message from now on and are closed (1008); the dashboard reconnects if its session still lives and
     * goes to the login page otherwise. Other members close theirs when the dashboard next reconnects.
     */
    void onAccountChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountChanged change) {
        List<SessionSender> revoked = senders.values().stream()
                .filter(s -> change.username().equals(s.username()))
                .toList();
        if (revoked.isEmpty()) {
            return;
        }
        revoked.forEach(s -> senders.remove(s.id()));
        LOG.log(Level.INFO, "Closing {0} dashboard session(s) of {1}: their sign-in changed", new Object[] {
            revoked.size(), change.username()
        });
        Runnable close = () -> revoked.forEach(s -> s.revoke("sign-in changed; sign in again"));
        if (executor != null) {
            executor.execute(close);
        } else {
            close.run();
        }
    }

    /** Number of dashboards currently connected. */
    public int sessionCount() {
        return senders.size();
    }

    void onTicketChanged(@ObservesAsync TicketChanged change) {
        String text;
        try {
            text = jsonb.toJson(new TicketMessage(change.kind().wireName(), change.reference(), change.ticket()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot serialize the change of ticket " + change.reference(), e);
            return;
        }
        deliver(text);
        cluster.publish(text);
    }

    /** Tells every dashboard that another model serves now, or that a new bundle was refused. */
    void onModelChanged(@ObservesAsync ModelChanged change) {
        String text;
        try {
            text = jsonb.toJson(new ModelMessage(
                    "model",
                    change.kind().wireName(),
                    change.version(),
                    change.previousVersion(),
                    change.reason(),
                    change.trigger(),
                    change.at(),
                    cluster.memberName()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot serialize the model change", e);
            return;
        }
        deliver(text);
        cluster.publish(text);
    }

    /** Who a message from another member is about: {@code reference} is set for ticket changes only. */
    public record Envelope(String type, String reference) {}

    /**
     * A message another member published: delivered to this member's dashboards, and for a ticket change also to this
     * member's similar-ticket index, so that both show the same changes at the same time.
     */
    void received(String text) {
        deliver(text);
        try {
            Envelope envelope = jsonb.fromJson(text, Envelope.class);
            if (envelope != null && envelope.reference() != null && !"model".equals(envelope.type())) {
                index.stale(envelope.reference());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A cluster message that names no ticket", e);
        }
    }

    /** Sends a dashboard message to this member's sessions only. */
    void deliver(String text) {
        for (SessionSender sender : senders.values()) {
            sender.offer(text);
        }
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "Closing JSON-B", e);
        }
    }
}
