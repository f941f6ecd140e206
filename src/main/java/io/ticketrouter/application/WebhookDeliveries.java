package io.ticketrouter.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What admins see of the webhook deliveries ({@code GET /api/webhooks/deliveries}) and how they send failed ones
 * again.
 */
public interface WebhookDeliveries {

    /** Most deliveries one page lists. */
    int PAGE_MAX = 200;

    /** Deliveries listed when no limit is given. */
    int PAGE_DEFAULT = 50;

    /**
     * Deliveries, newest first.
     *
     * @param state  {@code pending}, {@code delivered} or {@code failed}; null or blank for all
     * @param before a delivery id: only older ones (the next page); null for the newest
     * @throws InvalidInputException for an unknown state, a bad cursor or a limit outside 1 to {@link #PAGE_MAX}
     */
    Page list(String state, String before, int limit);

    /**
     * Puts a failed (or pending) delivery back to be sent now, with a fresh retry schedule.
     *
     * @throws DeliveryNotFoundException when there is no such delivery
     * @throws InvalidInputException     when it was delivered already
     */
    DeliveryView retry(String id);

    /** Sends every failed delivery again. */
    int retryFailed();

    /** One page of deliveries, the counts per state, the receivers and what is wrong with the configuration. */
    record Page(
            List<DeliveryView> items,
            String nextBefore,
            Map<String, Long> counts,
            List<String> receivers,
            List<String> problems) {}

    /** One delivery of an event to a receiver. */
    record DeliveryView(
            String id,
            String eventId,
            String type,
            String ticket,
            String receiver,
            String state,
            int attempts,
            Instant occurredAt,
            Instant lastAttemptAt,
            Integer lastStatus,
            String lastError,
            Instant nextAttemptAt,
            Instant deliveredAt) {}

    /** No delivery with that id. */
    final class DeliveryNotFoundException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DeliveryNotFoundException(String id) {
            super("no webhook delivery " + id);
        }
    }
}
