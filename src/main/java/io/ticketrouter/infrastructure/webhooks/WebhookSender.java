package io.ticketrouter.infrastructure.webhooks;

import io.ticketrouter.application.HelpdeskConnectors;
import io.ticketrouter.application.OutboxQueue;
import io.ticketrouter.application.OutgoingMail;
import io.ticketrouter.application.TicketChanged;
import io.ticketrouter.application.TicketEvent;
import io.ticketrouter.application.TicketEventJson;
import io.ticketrouter.application.WebhookSettings;
import io.ticketrouter.infrastructure.cluster.MemberId;
import io.ticketrouter.infrastructure.mail.SmtpMailer;
import io.ticketrouter.routing.PluginsLoaded;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Delivers the outbox's events: one worker thread per receiver (each webhook URL, and each helpdesk connector, whose
 * events are the calls the connector names to write a ticket's routing back), so a receiver that is down, slow or failing delays
 * only its own events, never the API (which only writes the outbox) nor the other receivers. A worker takes the new
 * tickets' first events that this member made, handed over in memory after their commit (their deliveries were made
 * leased to this member, see {@link OutboxQueue#listen}), and, at least every second, leases what else is due: later
 * events of tickets (at most one per ticket at a time, so each ticket's events arrive in order), retries, other
 * members' events, deliveries whose lease ran out. It sends up to {@link WebhookSettings#parallel()} of them at once
 * and reports each batch's outcomes to the outbox in one transaction, which schedules the retries; under load it
 * waits {@link #LINGER} after a batch that was not full, so the next commits' events join one batch. In a cluster
 * each delivery is leased by one member only.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());

    /** Deliveries a worker leases at once (at most one per ticket); sent {@link WebhookSettings#parallel()} at a time. */
    static final int BATCH = 64;

    /**
     * How long a worker woken by a commit waits before it leases: under load the events of the next commits join the
     * same batch (one lease and one report for many), at the cost of this much latency for the first.
     */
    static final Duration LINGER = Duration.ofMillis(20);

    /** How often an idle worker looks at the outbox (changes made on other members, retries due). */
    static final Duration POLL = Duration.ofSeconds(1);

    /** Wait after the outbox could not be read (the database is away). */
    static final Duration TROUBLE_PAUSE = Duration.ofSeconds(5);

    /** How often delivered events older than the settings keep them are removed. */
    static final Duration PURGE_EVERY = Duration.ofHours(1);

    @Inject
    WebhookSettings settings;

    @Inject
    OutboxQueue queue;

    @Inject
    HelpdeskConnectors connectors;

    @Inject
    TicketEventJson json;

    @Inject
    SmtpMailer mailer;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    MetricRegistry registry;

    /** {@code ticketrouter_webhook_attempts_total{result="delivered"|"failed"}}. */
    static final String ATTEMPTS = "ticketrouter_webhook_attempts";

    private final List<Worker> workers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ExecutorService io;
    private HttpClient client;
    private volatile boolean running;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        settings.problems().forEach(p -> LOG.log(Level.WARNING, "Webhooks: {0}", p));
        if (settings.enabled() && !settings.sending()) {
            LOG.log(Level.WARNING, "Webhooks: events are recorded but not sent until the configuration is fixed");
        }
        AtomicInteger n = new AtomicInteger();
        io = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ticketrouter-webhooks-io-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade offered to receivers that speak HTTP/1.1
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(io)
                .build();
        running = true;
        if (settings.sending()) {
            settings.receivers().forEach(this::startWorker);
            LOG.log(
                    Level.INFO,
                    "Webhooks: ticket events go to {0}",
                    String.join(
                            ", ",
                            settings.receivers().stream()
                                    .map(WebhookSettings::shown)
                                    .toList()));
        }
        connectors.names().forEach(name -> startWorker(OutboxQueue.CONNECTOR + name));
        if (mailer.sending()) {
            startWorker(OutboxQueue.MAIL);
        }
    }

    /** A connector that a plugin reload brought gets its worker (one that went away keeps its events waiting). */
    void onPluginsLoaded(@Observes PluginsLoaded loaded) {
        if (running) {
            connectors.names().forEach(name -> startWorker(OutboxQueue.CONNECTOR + name));
        }
    }

    private synchronized void startWorker(String receiver) {
        if (workers.stream().anyMatch(w -> w.receiver.equals(receiver))) {
            return;
        }
        Worker w = new Worker(receiver, workers.isEmpty());
        workers.add(w);
        Thread t = threads.newThread(w);
        t.setName("ticketrouter-outbox-" + workers.size());
        t.setDaemon(true);
        w.thread = t;
        t.start();
    }

    /** A change committed on this member: its events are due now. */
    void onTicketChanged(@ObservesAsync TicketChanged change) {
        workers.forEach(Worker::wake);
    }

    @PreDestroy
    void stop() {
        running = false;
        workers.forEach(Worker::wake);
        for (Worker w : workers) {
            try {
                w.thread.join(settings.timeout().toMillis() + 1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (io != null) {
            io.shutdownNow();
        }
    }

    private void count(boolean delivered) {
        registry.counter(
                        Metadata.builder()
                                .withName(ATTEMPTS)
                                .withDescription("Webhook delivery attempts, by result (delivered: a 2xx answer)")
                                .build(),
                        new Tag("result", delivered ? "delivered" : "failed"))
                .inc();
    }

    /** The request of one attempt: the stored body, its signature made now, the event's headers. */
    static HttpRequest request(URI target, String secret, OutboxQueue.Due due, Duration timeout, Instant now) {
        HttpRequest.Builder request = HttpRequest.newBuilder(withoutUserInfo(target))
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "TicketRouter-Webhooks")
                .header("X-TicketRouter-Event", due.type())
                .header("X-TicketRouter-Delivery", due.eventId())
                .header(WebhookSignature.HEADER, WebhookSignature.header(secret, now.getEpochSecond(), due.body()))
                .POST(HttpRequest.BodyPublishers.ofString(due.body(), StandardCharsets.UTF_8));
        String userInfo = target.getRawUserInfo();
        if (userInfo != null) {
            String credentials = URLDecoder.decode(userInfo, StandardCharsets.UTF_8);
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request.build();
    }

    /** A call a connector asked for, as an HTTP request. */
    static HttpRequest helpdeskRequest(HelpdeskConnectors.Call call, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(call.url()))
                .timeout(timeout)
                .method(
                        call.method(),
                        call.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
        call.headers().forEach(b::header);
        return b.build();
    }

    /** A URL as the log and the admin view show it: without its query (a token might be in it). */
    static String shownUrl(String url) {
        int q = url.indexOf('?');
        return WebhookSettings.shown(q < 0 ? url : url.substring(0, q));
    }

    private static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        String s = uri.toString();
        return URI.create(s.replaceFirst("//[^/@]*@", "//"));
    }

    /** One line on what went wrong with an attempt that got no answer. */
    static String describe(Throwable error, Duration timeout) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + timeout.toSeconds() + " s";
        }
        if (e instanceof ConnectException) {
            return "connection refused or unreachable";
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Sends one receiver's events, one batch after another, until the application stops. */
    private final class Worker implements Runnable {

        private final String receiver;
        private final URI target;
        private final boolean purges;
        private final Object signal = new Object();
        private boolean woken;
        private Thread thread;
        /** Whether the receiver's last attempt failed (said once in the log, and once when it takes events again). */
        private boolean receiverAway;

        private boolean outboxAway;
        private Instant nextPurge = Instant.now().plus(Duration.ofMinutes(1));

        /** The connector whose write-backs this worker makes, or null for a webhook receiver. */
        private final String connector;

        /** Whether this worker sends the mails to customers. */
        private final boolean mail;

        Worker(String receiver, boolean purges) {
            this.receiver = receiver;
            this.connector = receiver.startsWith(OutboxQueue.CONNECTOR)
                    ? receiver.substring(OutboxQueue.CONNECTOR.length())
                    : null;
            this.mail = receiver.equals(OutboxQueue.MAIL);
            this.target = connector == null && !mail ? URI.create(receiver) : null;
            this.purges = purges;
        }

        void wake() {
            synchronized (signal) {
                woken = true;
                signal.notifyAll();
            }
        }

        @Override
        public void run() {
            queue.listen(receiver, MemberId.get());
            Instant nextLease = Instant.MIN;
            while (running && !Thread.currentThread().isInterrupted()) {
                try {
                    // this member's new tickets first (handed over in memory), then, at least every POLL, what the
                    // outbox holds: later events of tickets, retries due, other members' events, lapsed leases
                    List<OutboxQueue.Due> due = new ArrayList<>(queue.fresh(receiver, BATCH, freshMargin()));
                    boolean backlog = false;
                    if (due.size() < BATCH && (due.isEmpty() || !Instant.now().isBefore(nextLease))) {
                        List<OutboxQueue.Due> leased =
                                queue.lease(receiver, MemberId.get(), settings.lease(), BATCH - due.size());
                        nextLease = Instant.now().plus(POLL);
                        backlog = !leased.isEmpty() && leased.size() == BATCH - due.size();
                        due.addAll(leased);
                    }
                    if (outboxAway) {
                        LOG.log(Level.INFO, "Webhooks: the outbox can be read again");
                        outboxAway = false;
                    }
                    if (due.isEmpty()) {
                        purgeWhenDue();
                        if (idle(POLL)) {
                            pause(LINGER); // woken by a commit: let the next ones join the batch
                        }
                        continue;
                    }
                    send(due);
                    if (!backlog && due.size() < BATCH) {
                        pause(LINGER); // under load, the next commits' events join one batch: one report for many
                    }
                } catch (RuntimeException e) {
                    if (!running) {
                        return;
                    }
                    if (!outboxAway) {
                        LOG.log(
                                Level.WARNING,
                                "Webhooks: the outbox cannot be read ({0}); trying again every {1} s",
                                new Object[] {e.toString(), TROUBLE_PAUSE.toSeconds()});
                        outboxAway = true;
                    }
                    idle(TROUBLE_PAUSE);
                }
            }
        }

        /** A delivery handed over is sent only with time for an attempt left on its lease. */
        private Duration freshMargin() {
            return settings.timeout().plusSeconds(1);
        }

        /** Sends a leased batch, {@code parallel} attempts at a time, then reports every outcome at once. */
        private void send(List<OutboxQueue.Due> due) {
            List<OutboxQueue.Attempt> attempts = new ArrayList<>(due.size());
            for (int from = 0; from < due.size(); from += settings.parallel()) {
                List<OutboxQueue.Due> chunk = due.subList(from, Math.min(due.size(), from + settings.parallel()));
                Instant now = Instant.now();
                List<CompletableFuture<OutboxQueue.Attempt>> sends = new ArrayList<>(chunk.size());
                for (OutboxQueue.Due d : chunk) {
                    if (connector != null) {
                        sends.add(writeBack(d));
                        continue;
                    }
                    if (mail) {
                        sends.add(CompletableFuture.completedFuture(mailed(d))); // one after the other, on this worker
                        continue;
                    }
                    HttpRequest request = request(target, settings.secret(), d, settings.timeout(), now);
                    sends.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                            .handle((response, error) -> attempt(d, response, error)));
                }
                sends.forEach(s -> attempts.add(s.join()));
            }
            queue.report(attempts);
            for (OutboxQueue.Attempt a : attempts) {
                count(a.delivered());
            }
            OutboxQueue.Attempt last = attempts.get(attempts.size() - 1);
            String who = mail
                    ? "Mail: the mail server"
                    : connector == null
                            ? "Webhooks: " + WebhookSettings.shown(receiver)
                            : "Helpdesk connector " + connector;
            if (last.delivered() && receiverAway) {
                LOG.log(Level.INFO, "{0} takes events again", who);
                receiverAway = false;
            } else if (!last.delivered() && !receiverAway) {
                LOG.log(
                        Level.WARNING,
                        "{0} did not take an event ({1}); its events are sent again with back-off",
                        new Object[] {who, last.error()});
                receiverAway = true;
            }
        }

        /**
         * Writes one event of a helpdesk ticket back: the calls the connector names, one after the other, each to
         * answer 2xx; the first that does not fails the attempt (all are made again at the next one).
         */
        private CompletableFuture<OutboxQueue.Attempt> writeBack(OutboxQueue.Due d) {
            List<HelpdeskConnectors.Call> calls;
            try {
                TicketEvent event = json.read(d.body());
                calls = connectors.writeBack(connector, HelpdeskConnectors.Routed.of(event.type(), event.ticket()));
            } catch (HelpdeskConnectors.ConnectorFailureException e) {
                return CompletableFuture.completedFuture(
                        new OutboxQueue.Attempt(d.delivery(), false, null, e.getMessage()));
            } catch (RuntimeException e) {
                return CompletableFuture.completedFuture(
                        new OutboxQueue.Attempt(d.delivery(), false, null, "the event cannot be read: " + e));
            }
            CompletableFuture<OutboxQueue.Attempt> chain =
                    CompletableFuture.completedFuture(new OutboxQueue.Attempt(d.delivery(), true, 204, null));
            for (HelpdeskConnectors.Call call : calls) {
                chain = chain.thenCompose(before -> {
                    if (!before.delivered()) {
                        return CompletableFuture.completedFuture(before);
                    }
                    HttpRequest request;
                    try {
                        request = helpdeskRequest(call, settings.timeout());
                    } catch (IllegalArgumentException e) {
                        return CompletableFuture.completedFuture(new OutboxQueue.Attempt(
                                d.delivery(),
                                false,
                                null,
                                "the connector asked for a call that cannot be made: " + e.getMessage()));
                    }
                    return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                            .handle((response, error) -> {
                                OutboxQueue.Attempt a = attempt(d, response, error);
                                return a.delivered()
                                        ? a
                                        : new OutboxQueue.Attempt(
                                                a.delivery(),
                                                false,
                                                a.status(),
                                                a.error() + " from " + call.method() + " " + shownUrl(call.url()));
                            });
                });
            }
            return chain;
        }

        /** Sends one mail to a customer by SMTP. */
        private OutboxQueue.Attempt mailed(OutboxQueue.Due d) {
            OutgoingMail outgoing;
            try {
                outgoing = json.readMail(d.body());
            } catch (RuntimeException e) {
                return new OutboxQueue.Attempt(d.delivery(), false, null, "the mail cannot be read: " + e);
            }
            String error = mailer.send(outgoing);
            return new OutboxQueue.Attempt(d.delivery(), error == null, error == null ? 250 : null, error);
        }

        private OutboxQueue.Attempt attempt(OutboxQueue.Due d, HttpResponse<Void> response, Throwable error) {
            if (error != null) {
                return new OutboxQueue.Attempt(d.delivery(), false, null, describe(error, settings.timeout()));
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new OutboxQueue.Attempt(d.delivery(), true, status, null);
            }
            return new OutboxQueue.Attempt(
                    d.delivery(),
                    false,
                    status,
                    "HTTP " + status + (status / 100 == 3 ? " (redirects are not followed)" : ""));
        }

        private void purgeWhenDue() {
            if (!purges || Instant.now().isBefore(nextPurge)) {
                return;
            }
            nextPurge = Instant.now().plus(PURGE_EVERY);
            int removed = queue.purge();
            if (removed > 0) {
                LOG.log(Level.FINE, "Webhooks: {0} delivered events removed", removed);
            }
        }

        /**
         * Waits until woken by a change, or for {@code atMost}.
         *
         * @return whether a change woke it
         */
        private boolean idle(Duration atMost) {
            long deadline = System.nanoTime() + atMost.toNanos();
            synchronized (signal) {
                try {
                    while (!woken && running) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            break;
                        }
                        signal.wait(Math.max(1, left / 1_000_000));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // the loop ends (the application stops)
                }
                boolean was = woken;
                woken = false;
                return was;
            }
        }

        private void pause(Duration d) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
