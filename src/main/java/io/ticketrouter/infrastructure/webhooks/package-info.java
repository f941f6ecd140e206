/**
 * Webhooks: the sender that delivers the outbox's ticket events to the configured receivers over HTTP, signed with
 * HMAC-SHA256 ({@link io.ticketrouter.infrastructure.webhooks.WebhookSignature}), and the configuration it reads.
 * Implements the application's {@link io.ticketrouter.application.WebhookSettings} source; the outbox itself is the
 * application's ({@code WebhookOutbox}), written in the transaction of each ticket change.
 */
package io.ticketrouter.infrastructure.webhooks;
