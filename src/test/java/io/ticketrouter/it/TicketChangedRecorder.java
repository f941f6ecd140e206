package io.ticketrouter.it;

import io.ticketrouter.application.TicketChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A CDI observer that exists only in {@link ContainerIT}'s deployment: records every asynchronous
 * {@link TicketChanged} event the application fires, like the dashboard's WebSocket broadcaster receives them.
 */
@ApplicationScoped
public class TicketChangedRecorder {

    private final BlockingQueue<TicketChanged> received = new LinkedBlockingQueue<>();

    void onTicketChanged(@ObservesAsync TicketChanged event) {
        received.add(event);
    }

    /** The first recorded event of this kind for this reference, waiting up to {@code timeout}; null if none came. */
    public TicketChanged await(TicketChanged.Kind kind, String reference, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TicketChanged event = received.poll(left, TimeUnit.NANOSECONDS);
            if (event == null) {
                return null;
            }
            if (event.kind() == kind && reference.equals(event.reference())) {
                return event;
            }
        }
    }
}
