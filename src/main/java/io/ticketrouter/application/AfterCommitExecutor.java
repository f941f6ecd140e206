package io.ticketrouter.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs what follows each committed change, off the request thread: the asynchronous observers of {@link
 * TicketChanged} (dashboard pushes, the similar-ticket index, the webhook senders' wake-up) and the index's updates.
 *
 * <p>Its threads come from the container's {@link ManagedThreadFactory}, so the application's context (class loader,
 * naming) is set up once per thread. The container's managed executors set it up again for every task, and that
 * costs: their context providers are looked up through a class-path scan each time, about 8 % of the server's CPU
 * under a {@code POST /api/tickets} load (a JFR profile, see {@code docs/performance.md}).
 */
@ApplicationScoped
public class AfterCommitExecutor implements java.util.concurrent.Executor {

    private static final Logger LOG = Logger.getLogger(AfterCommitExecutor.class.getName());

    /** Threads: enough for the observers of one change to run beside those of the next. */
    static final int THREADS = 2;

    @Resource
    ManagedThreadFactory threads;

    private ThreadPoolExecutor executor;

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = threads == null ? Executors.defaultThreadFactory() : threads;
        executor =
                new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = factory.newThread(r);
                    t.setName("ticketrouter-after-commit-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Starts the threads with the application, not on the first commit: a managed thread keeps the context of the
     * thread that made it, and a request's context holds resources of the request (its persistence context) that
     * the container would try to close again when the thread ends.
     */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        executor.prestartAllCoreThreads();
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }

    /**
     * Runs the task soon; while the application stops, not at all (what it would have done is redone at the next
     * start: the index compares itself with the database, the outbox keeps every event).
     */
    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.FINE, "Stopping: a task after a commit is left out");
        }
    }
}
