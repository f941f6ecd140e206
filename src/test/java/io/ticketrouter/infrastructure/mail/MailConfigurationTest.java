package io.ticketrouter.infrastructure.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code ticketrouter.mail.*} as operators write it, and what is said when it cannot be used. */
class MailConfigurationTest {

    static MailChannel read(String imap, String imapPassword, String smtp, String from) {
        return MailConfiguration.read(
                imap, imapPassword, smtp, null, from, 30, 10, "Processed", "Quarantine", new java.util.ArrayList<>());
    }

    @Test
    void nothingConfiguredIsAChannelThatIsOffWithoutProblems() {
        MailChannel c = read(null, null, null, null);
        assertFalse(c.receiving());
        assertFalse(c.sending());
        assertEquals(java.util.List.of(), c.problems());
    }

    @Test
    void theImapUrlGivesLoginHostPortAndFolderAndAPasswordKeyReplacesTheUrlsOne() {
        MailChannel c = read("imaps://support%40example.com:p%3Ass@mail.example.com/Support/Inbox", null, null, null);
        assertTrue(c.receiving());
        assertEquals("imaps", c.imap().protocol());
        assertEquals("mail.example.com", c.imap().host());
        assertEquals(993, c.imap().port());
        assertEquals("support@example.com", c.imap().user());
        assertEquals("p:ss", c.imap().password());
        assertEquals("Support/Inbox", c.folder());
        assertFalse(c.imap().shown().contains("p:ss"), "the log never shows the password");

        MailChannel alias = read("imap://support@mail.example.com", "from-alias", null, null);
        assertEquals("from-alias", alias.imap().password());
        assertEquals(143, alias.imap().port());
        assertEquals("INBOX", alias.folder());
    }

    @Test
    void smtpNeedsNoLoginButTheSupportAddress() {
        MailChannel c = read(null, null, "smtp://relay.example.com:2525", "Support <support@example.com>");
        assertTrue(c.sending());
        assertNull(c.smtp().user());
        assertEquals(2525, c.smtp().port());
        assertEquals("support@example.com", c.from());

        MailChannel noFrom = read(null, null, "smtps://relay.example.com", null);
        assertFalse(noFrom.sending());
        assertEquals(465, noFrom.smtp().port());
        assertTrue(
                noFrom.problems().get(0).contains("ticketrouter.mail.from"),
                noFrom.problems().toString());
    }

    @Test
    void unusableValuesAreNamedAndKeepTheirPartOff() {
        MailChannel c = read("pop3://x@host", null, "smtp://", "not an address");
        assertFalse(c.receiving());
        assertFalse(c.sending());
        String problems = String.join("\n", c.problems());
        assertTrue(problems.contains("ticketrouter.mail.imap.url must start with imap://, imaps://"), problems);
        assertTrue(problems.contains("ticketrouter.mail.smtp.url"), problems);
        assertTrue(problems.contains("ticketrouter.mail.from is not an e-mail address"), problems);

        MailChannel noLogin = read("imap://mail.example.com/INBOX", null, null, null);
        assertFalse(noLogin.receiving());
        assertTrue(
                noLogin.problems().get(0).contains("ticketrouter.mail.imap.password"),
                noLogin.problems().toString());

        MailChannel slow =
                MailConfiguration.read(null, null, null, null, null, 0, 500, "", null, new java.util.ArrayList<>());
        assertEquals(Duration.ofSeconds(30), slow.poll());
        assertEquals(10L * 1024 * 1024, slow.maxBytes());
        assertEquals("Processed", slow.processedFolder());
        assertEquals("Quarantine", slow.quarantineFolder());
        assertEquals(2, slow.problems().size(), slow.problems().toString());
    }
}
