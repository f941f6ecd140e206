package io.ticketrouter.domain.model.outbox;

import io.ticketrouter.domain.model.WireNamed;

/** Where a delivery stands: waiting for (another) attempt, handed over, or given up after the retry limit. */
public enum DeliveryState implements WireNamed {
    PENDING,
    DELIVERED,
    FAILED
}
