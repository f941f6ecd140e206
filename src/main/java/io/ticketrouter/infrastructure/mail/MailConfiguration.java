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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads {@code ticketrouter.mail.*} (MicroProfile Config: system properties, {@code TICKETROUTER_MAIL_IMAP_URL} style
 * environment variables, Payara password aliases for the passwords). An unset IMAP URL turns the mailbox off, an
 * unset SMTP URL outgoing mail; a value that cannot be used is named in the log and keeps its part off.
 */
@ApplicationScoped
public class MailConfiguration {

    @Inject
    @ConfigProperty(name = "ticketrouter.mail.imap.url")
    Optional<String> imapUrl;

    @Inject
    @ConfigProperty(name = "ticketrouter.mail.imap.password")
    Optional<String> imapPassword;

    @Inject
    @ConfigProperty(name = "ticketrouter.mail.smtp.url")
    Optional<String> smtpUrl;

    @Inject
    @ConfigProperty(name = "ticketrouter.mail.smtp.password")
    Optional<String> smtpPassword;

    @Inject
    @ConfigProperty(name = "ticketrouter.mail.from")
    Optional<String> from;

    @Inject
    @ConfigProperty(name = "ticketrouter.mail.poll-seconds", defaultValue = "30")
    int pollSeconds;

    @Inject
    @ConfigProperty(name = "ticketrouter.mail.max-megabytes", defaultValue = "10")
    int maxMegabytes;

    @Inject
    @ConfigProperty(name = "ticketrouter.mail.processed-folder", defaultValue = "Processed")
    String processedFolder;

    @Inject
    @ConfigProperty(name = "ticketrouter.mail.quarantine-folder", defaultValue = "Quarantine")
    String quarantineFolder;

    @Inject
    @ConfigProperty(name = "ticketrouter.mail.acknowledge", defaultValue = "true")
    boolean acknowledge;

    @Inject
    @ConfigProperty(name = "ticketrouter.public-url")
    Optional<String> publicUrl;

    private MailChannel channel;

    @Produces
    MailChannel channel() {
        if (channel == null) {
            channel = read(
                    imapUrl.orElse(null),
                    imapPassword.orElse(null),
                    smtpUrl.orElse(null),
                    smtpPassword.orElse(null),
                    from.orElse(null),
                    pollSeconds,
                    maxMegabytes,
                    processedFolder,
                    quarantineFolder);
        }
        return channel;
    }

    @Produces
    MailSettings settings() {
        MailChannel c = channel();
        String portal = publicUrl
                .map(String::strip)
                .filter(u -> u.matches("(?i)https?://\\S+"))
                .orElse(null);
        return c.sending() ? new MailSettings(true, c.from(), acknowledge, portal) : MailSettings.off(portal);
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
            String quarantine) {
        List<String> problems = new ArrayList<>();
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
