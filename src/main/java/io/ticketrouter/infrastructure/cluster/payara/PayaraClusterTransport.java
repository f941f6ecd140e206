package io.ticketrouter.infrastructure.cluster.payara;

import fish.payara.micro.cdi.ClusteredCDIEventBus;
import fish.payara.micro.cdi.Inbound;
import fish.payara.micro.cdi.Outbound;
import io.ticketrouter.application.ClusterTransport;
import io.ticketrouter.infrastructure.cluster.ClusterMessage;
import io.ticketrouter.infrastructure.cluster.MemberId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The cluster transport on Payara (Micro or Server): Payara's clustered CDI events over the Hazelcast data grid.
 * A message is fired as {@code @Outbound(eventName = "io.ticketrouter.dashboard")} and arrives on every other member
 * as {@code @Inbound(eventName = "io.ticketrouter.dashboard")}; {@code loopBack} stays false, so the publishing member
 * does not receive its own message, and a message carrying this member's id is dropped anyway.
 *
 * <p>Publishing runs on one thread of its own with a bounded queue: a slow or unreachable member (for example one
 * killed a moment ago, until the data grid notices) never delays this member's requests or its own dashboards. The
 * single thread also keeps this member's messages in the order they were published.
 *
 * <p>Selected over {@link io.ticketrouter.infrastructure.cluster.LocalOnlyTransport} as an alternative with a
 * priority; {@code WEB-INF/beans.xml} excludes this package from bean discovery when the Payara API is not on the
 * class path (see the package-info of {@code io.ticketrouter.infrastructure.cluster}). When Payara runs without a
 * data grid, it sends nothing. (Payara Micro's {@code --nocluster} still runs a data grid of one member: messages are
 * then published to nobody, which costs a serialization per change.)
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
public class PayaraClusterTransport implements ClusterTransport {

    static final String EVENT_NAME = "io.ticketrouter.dashboard";
    /** Messages waiting to be published before new ones are dropped (and counted in the log). */
    static final int QUEUE_CAPACITY = 10_000;

    private static final Logger LOG = Logger.getLogger(PayaraClusterTransport.class.getName());

    @Inject
    @Outbound(eventName = EVENT_NAME)
    Event<ClusterMessage> outbound;

    /** The member's name shown on dashboards ({@code serve --instance-name} sets it). */
    @Inject
    @ConfigProperty(name = "ticketrouter.cluster.member")
    Optional<String> configuredName;

    @Inject
    Instance<ClusteredCDIEventBus> bus;

    @Resource
    ManagedThreadFactory threads;

    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile Consumer<String> receiver = text -> {};
    private volatile boolean clustered;
    private volatile String memberName;
    private ExecutorService sender;

    @PostConstruct
    void start() {
        try {
            clustered = dataGridRunning();
            if (clustered && bus.isResolvable()) {
                bus.get().initialize();
            }
        } catch (RuntimeException e) {
            clustered = false;
            LOG.log(
                    Level.WARNING,
                    "Payara's clustered CDI events are not usable here; dashboards only see this " + "member's changes",
                    e);
        }
        memberName = configuredName
                .filter(n -> !n.isBlank())
                .orElse(clustered ? MemberId.get().substring(0, 8) : null);
        sender = new ThreadPoolExecutor(
                1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY), threads, (task, pool) -> {
                    long n = dropped.incrementAndGet();
                    if (n == 1 || n % 1000 == 0) {
                        LOG.log(
                                Level.WARNING,
                                "The cluster transport is {0} messages behind; dropped {1} so far "
                                        + "(other members' dashboards catch up on reconnect)",
                                new Object[] {QUEUE_CAPACITY, n});
                    }
                });
        LOG.log(Level.INFO, "Dashboard changes relayed by {0}", describe());
    }

    /** Payara binds its Hazelcast instance at {@code payara/Hazelcast} when the data grid runs. */
    private static boolean dataGridRunning() {
        try {
            return new InitialContext().lookup("payara/Hazelcast") != null;
        } catch (NamingException e) {
            return false;
        }
    }

    @PreDestroy
    void stop() {
        if (sender != null) {
            sender.shutdownNow();
        }
    }

    @Override
    public void publish(String text) {
        if (!clustered) {
            return;
        }
        ClusterMessage message = new ClusterMessage(MemberId.get(), text);
        sender.execute(() -> {
            try {
                outbound.fire(message);
            } catch (RuntimeException e) {
                long n = failed.incrementAndGet();
                if (n == 1 || n % 1000 == 0) {
                    LOG.log(Level.WARNING, "Could not publish a dashboard change to the cluster (" + n + " so far)", e);
                }
            }
        });
    }

    /** A message another member published: to this member's dashboards, never published again. */
    void receive(@Observes @Inbound(eventName = EVENT_NAME) ClusterMessage message) {
        if (message == null || message.text() == null || MemberId.get().equals(message.origin())) {
            return;
        }
        receiver.accept(message.text());
    }

    @Override
    public void subscribe(Consumer<String> receiver) {
        this.receiver = receiver;
    }

    @Override
    public String memberName() {
        return memberName;
    }

    @Override
    public String describe() {
        return "Payara clustered CDI events (member " + memberName + ", member id " + MemberId.get() + ", "
                + (clustered
                        ? "data grid running; alone when Payara Micro was started with --nocluster"
                        : "no data grid, nothing is relayed")
                + ")";
    }
}
