package io.ticketrouter.interfaces.websocket;

import io.ticketrouter.application.ModelChanged;
import io.ticketrouter.application.TicketChanged;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the open dashboard sessions and forwards every committed ticket change to all of them.
 *
 * <p>The application fires {@link TicketChanged} with {@code fireAsync}, so this observer already runs off the request
 * thread; it serializes the change once and hands the text to each session's own {@link SessionSender}, which never
 * blocks.
 */
@ApplicationScoped
public class TicketBroadcaster {

    private static final Logger LOG = Logger.getLogger(TicketBroadcaster.class.getName());

    /** Messages a session may have waiting before it is considered dead and dropped. */
    static final int QUEUE_CAPACITY = 1_000;
    /** How long one send may take before the session is considered dead. */
    static final long SEND_TIMEOUT_MILLIS = 10_000;

    private final Map<String, SessionSender> senders = new ConcurrentHashMap<>();
    /** The same JSON-B settings as the REST API (snake_case, nulls written), so both deliver the same ticket JSON. */
    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withNullValues(true));

    void register(Session session) {
        String id = session.getId();
        senders.put(id, new SessionSender(session, QUEUE_CAPACITY, SEND_TIMEOUT_MILLIS, () -> senders.remove(id)));
    }

    void unregister(Session session) {
        senders.remove(session.getId());
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
        for (SessionSender sender : senders.values()) {
            sender.offer(text);
        }
    }

    /** Tells every dashboard that another model serves now, or that a new bundle was refused. */
    void onModelChanged(@ObservesAsync ModelChanged change) {
        String text;
        try {
            text = jsonb.toJson(new ModelMessage("model", change.kind().wireName(), change.version(),
                    change.previousVersion(), change.reason(), change.trigger(), change.at()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot serialize the model change", e);
            return;
        }
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
