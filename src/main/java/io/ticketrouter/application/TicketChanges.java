package io.ticketrouter.application;

/**
 * What an agent changes on a ticket; null fields stay as they are. Values are validated by the application service
 * (queue against the model's queues, priority and status against their enums).
 */
public record TicketChanges(String queue, String priority, String status, String note) {

    public boolean isEmpty() {
        return queue == null && priority == null && status == null && note == null;
    }
}
