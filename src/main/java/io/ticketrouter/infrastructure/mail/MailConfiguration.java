package io.ticketrouter.infrastructure.mail;

import io.ticketrouter.application.MailSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Reads {@code ticketrouter.mail.*} (MicroProfile Config: system properties, {@code TICKETROUTER_MAIL_IMAP_URL} style
 * environment variables, Payara password aliases for the passwords). An unset IMAP URL turns the mailbox off, an
 * unset SMTP URL outgoing mail; a value that cannot be used is named in the log and keeps its part off (or its
 * default, for a number), and never stops the application from starting.
 */
@ApplicationScoped
public class MailConfiguration {

    @Inject
    Config config;

    private MailChannel channel;

    @Produces
    MailChannel channel() {
        if (channel == null) {
            List<String> problems = new ArrayList<>();
            channel = read(
                    text("ticketrouter.mail.imap.url"),
                    text("ticketrouter.mail.imap.password"),
                    text("ticketrouter.mail.smtp.url"),
                    text("ticketrouter.mail.smtp.password"),
                    text("ticketrouter.mail.from"),
                    number("ticketrouter.mail.poll-seconds", 30, problems),
                    number("ticketrouter.mail.max-megabytes", 10, problems),
                    text("ticketrouter.mail.processed-folder"),
                    text("ticketrouter.mail.quarantine-folder"),
                    problems);
        }
        return channel;
    }

    @Produces
    MailSettings settings() {
        MailChannel c = channel();
        String portal = Optional.ofNullable(text("ticketrouter.public-url"))
                .map(String::strip)
                .filter(u -> u.matches("(?i)https?://\\S+"))
                .orElse(null);
        boolean acknowledge = !"false".equalsIgnoreCase(text("ticketrouter.mail.acknowledge"));
        return c.sending() ? new MailSettings(true, c.from(), acknowledge, portal) : MailSettings.off(portal);
    }

    /** A key's value, or null when it is not set or blank. */
    private String text(String key) {
        return config.getOptionalValue(key, String.class)
                .filter(v -> !v.isBlank())
                .orElse(null);
    }

    /** A key's whole number, its default when it is not set; a value that is not a number is a problem. */
    private int number(String key, int fallback, List<String> problems) {
        String value = text(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            problems.add(key + " must be a whole number, got \"" + value.strip() + "\"; " + fallback + " is used");
            return fallback;
        }
    }

    static MailChannel read(
            String imapUrl,
            String imapPassword,
            String smtpUrl,
            String smtpPassword,
            String fromGiven,
            int pollSeconds,
            int maxMegabytes,
            String processed,
            String quarantine,
            List<String> problems) {
        String[] folder = {"INBOX"};
        MailChannel.Server imap =
                MailChannel.server("ticketrouter.mail.imap.url", imapUrl, imapPassword, true, problems, folder);
        MailChannel.Server smtp =
                MailChannel.server("ticketrouter.mail.smtp.url", smtpUrl, smtpPassword, false, problems, folder);
        String from = null;
        if (fromGiven != null && !fromGiven.isBlank()) {
            try {
                InternetAddress address = new InternetAddress(fromGiven.strip(), true);
                from = address.getAddress();
            } catch (AddressException e) {
                problems.add("ticketrouter.mail.from is not an e-mail address: " + e.getMessage());
            }
        }
        if (smtp != null && from == null) {
            problems.add("ticketrouter.mail.from is not set: no mail is sent until it names the support address");
        }
        if (pollSeconds < 1 || pollSeconds > 3600) {
            problems.add("ticketrouter.mail.poll-seconds must be 1 to 3600, got " + pollSeconds + "; 30 is used");
            pollSeconds = 30;
        }
        if (maxMegabytes < 1 || maxMegabytes > 100) {
            problems.add("ticketrouter.mail.max-megabytes must be 1 to 100, got " + maxMegabytes + "; 10 is used");
            maxMegabytes = 10;
        }
        return new MailChannel(
                imap,
                folder[0],
                smtp,
                from,
                Duration.ofSeconds(pollSeconds),
                maxMegabytes * 1024L * 1024L,
                blank(processed, "Processed"),
                blank(quarantine, "Quarantine"),
                List.copyOf(problems));
    }

    private static String blank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
