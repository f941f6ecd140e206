package io.ticketrouter.infrastructure.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.application.WebhookSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookConfigurationTest {

    private static WebhookSettings read(String urls, String secret) {
        return WebhookConfiguration.read(urls, secret, 10, 10, 3600, 86_400, 4, 168);
    }

    @Test
    void noUrlMeansNoWebhooksAndNoProblem() {
        WebhookSettings s = read("", null);
        assertFalse(s.enabled());
        assertFalse(s.sending());
        assertEquals(List.of(), s.problems());
    }

    @Test
    void urlsAreSplitTrimmedAndDeduplicated() {
        WebhookSettings s = read(
                " https://a.example.com/hook , http://10.0.0.5:8080/in,https://a.example.com/hook,", "s".repeat(16));
        assertEquals(List.of("https://a.example.com/hook", "http://10.0.0.5:8080/in"), s.receivers());
        assertTrue(s.sending());
        assertEquals(List.of(), s.problems());
        assertEquals(Duration.ofSeconds(25), s.lease(), "longer than an attempt can take");
    }

    @Test
    void aBadUrlIsNamedAndLeftOutTheGoodOnesStay() {
        WebhookSettings s = read(
                "ftp://x.example.com/a, https://ok.example.com/h, not a url, https:///nohost, "
                        + "https://u:topsecret@b.example.com/h#frag",
                "s".repeat(20));
        assertEquals(List.of("https://ok.example.com/h"), s.receivers());
        assertEquals(4, s.problems().size(), s.problems().toString());
        assertTrue(
                s.problems().get(0).contains("must start with http:// or https://"),
                s.problems().get(0));
        assertTrue(s.problems().get(1).contains("is not a URL"), s.problems().get(1));
        assertTrue(s.problems().get(2).contains("names no host"), s.problems().get(2));
        assertTrue(s.problems().get(3).contains("#fragment"), s.problems().get(3));
        assertFalse(s.problems().get(3).contains("topsecret"), "a password in a URL is never shown: " + s.problems());
    }

    @Test
    void withoutAGoodSecretEventsAreKeptButNotSent() {
        WebhookSettings none = read("https://a.example.com/hook", null);
        assertTrue(none.enabled(), "events are recorded");
        assertFalse(none.sending(), "and not sent unsigned");
        assertTrue(
                none.problems().get(0).contains("ticketrouter.webhooks.secret is not set"),
                none.problems().toString());

        WebhookSettings shortOne = read("https://a.example.com/hook", "short");
        assertFalse(shortOne.sending());
        assertNull(shortOne.secret());
        assertTrue(
                shortOne.problems().get(0).contains("at least 16"),
                shortOne.problems().toString());
    }

    @Test
    void aPasswordInAReceiverUrlIsHiddenWhereverItIsShown() {
        assertEquals(
                "https://hooks:***@b.example.com/in", WebhookSettings.shown("https://hooks:s3cr3t@b.example.com/in"));
        assertEquals("https://b.example.com/in", WebhookSettings.shown("https://b.example.com/in"));
    }
}
