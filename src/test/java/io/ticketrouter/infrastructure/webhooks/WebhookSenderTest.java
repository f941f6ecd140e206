package io.ticketrouter.infrastructure.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.application.OutboxQueue;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class WebhookSenderTest {

    private static final String SECRET = "whsec-0123456789abcdef";
    private static final OutboxQueue.Due DUE =
            new OutboxQueue.Due(7, "0b7e-event", "ticket.updated", "TR-000042", "{\"id\":\"0b7e-event\"}");

    @Test
    void anAttemptCarriesTheEventHeadersAndASignatureOfItsTime() {
        Instant now = Instant.ofEpochSecond(1_764_000_123L);
        HttpRequest r = WebhookSender.request(
                URI.create("https://hooks.example.com/in?team=2"), SECRET, DUE, Duration.ofSeconds(10), now);
        assertEquals("POST", r.method());
        assertEquals(URI.create("https://hooks.example.com/in?team=2"), r.uri());
        assertEquals(
                "ticket.updated", r.headers().firstValue("X-TicketRouter-Event").orElseThrow());
        assertEquals(
                "0b7e-event", r.headers().firstValue("X-TicketRouter-Delivery").orElseThrow());
        assertEquals(
                WebhookSignature.header(SECRET, 1_764_000_123L, DUE.body()),
                r.headers().firstValue(WebhookSignature.HEADER).orElseThrow());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertEquals(Duration.ofSeconds(10), r.timeout().orElseThrow());
        assertFalse(r.headers().firstValue("Authorization").isPresent());
    }

    @Test
    void credentialsInTheUrlAreSentAsBasicAndLeftOutOfTheRequestLine() {
        HttpRequest r = WebhookSender.request(
                URI.create("https://hooks:p%40ss@hooks.example.com/in"),
                SECRET,
                DUE,
                Duration.ofSeconds(10),
                Instant.now());
        assertEquals(URI.create("https://hooks.example.com/in"), r.uri());
        assertEquals(
                "Basic " + Base64.getEncoder().encodeToString("hooks:p@ss".getBytes(StandardCharsets.UTF_8)),
                r.headers().firstValue("Authorization").orElseThrow());
    }

    @Test
    void failuresWithoutAnAnswerAreSaidInOneLine() {
        Duration t = Duration.ofSeconds(10);
        assertEquals("no answer within 10 s", WebhookSender.describe(new HttpTimeoutException("timed out"), t));
        assertEquals(
                "connection refused or unreachable",
                WebhookSender.describe(new CompletionException(new ConnectException()), t));
        assertEquals("IOException: reset", WebhookSender.describe(new java.io.IOException("reset"), t));
    }
}
