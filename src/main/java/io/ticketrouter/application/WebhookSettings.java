package io.ticketrouter.application;

import io.ticketrouter.domain.model.outbox.RetrySchedule;
import java.time.Duration;
import java.util.List;

/**
 * Where ticket events go and how they are sent (MicroProfile Config {@code ticketrouter.webhooks.*}, read by the
 * infrastructure; README, "Connecting a helpdesk").
 *
 * @param receivers     the URLs each event is delivered to (the valid ones of {@code ticketrouter.webhooks.url})
 * @param secret        the HMAC key of the signatures; null when not set (then nothing is sent: see problems)
 * @param timeout       how long one attempt may take, connection included
 * @param retry         when failed attempts are repeated and when they are given up
 * @param parallel      attempts in flight at once per receiver (events of different tickets)
 * @param keepDelivered how long delivered events stay listed before they are removed
 * @param problems      what is wrong with the configuration, one sentence each (empty when nothing is)
 */
public record WebhookSettings(
        List<String> receivers,
        String secret,
        Duration timeout,
        RetrySchedule retry,
        int parallel,
        Duration keepDelivered,
        List<String> problems) {

    public WebhookSettings {
        receivers = List.copyOf(receivers);
        problems = List.copyOf(problems);
    }

    /** True when events are recorded: at least one receiver is configured. */
    public boolean enabled() {
        return !receivers.isEmpty();
    }

    /** True when events are recorded and can be sent (a secret signs them). */
    public boolean sending() {
        return enabled() && secret != null;
    }

    /**
     * How long a member holds a delivery it is sending: longer than an attempt can take, so that another member sends
     * it again only when this one died meanwhile.
     */
    public Duration lease() {
        return timeout.multipliedBy(2).plusSeconds(5);
    }

    /** A receiver URL as logs and admins see it: the password of {@code user:password@} hidden, at most 200 characters. */
    public static String shown(String url) {
        String clean = url.replaceAll("\\p{Cntrl}", "?").replaceAll("//([^/@:]*):[^/@]*@", "//$1:***@");
        return clean.length() <= 200 ? clean : clean.substring(0, 200) + "...";
    }
}
