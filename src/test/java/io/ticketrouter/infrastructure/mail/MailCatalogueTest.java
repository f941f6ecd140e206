package io.ticketrouter.infrastructure.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.application.IncomingMail;
import io.ticketrouter.it.MailCatalogue;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The integration tests' catalogue of real-world mail shapes, read without a server: what the reader makes of each
 * (the size limit, which quarantines the 15 MB mail unread, is the poller's and is checked by {@code MailIT}).
 */
class MailCatalogueTest {

    static Stream<MailCatalogue.Case> cases() {
        return MailCatalogue.cases().stream().filter(c -> c.raw().length() < 10 * 1024 * 1024);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachShapeIsReadAsTheCatalogueSays(MailCatalogue.Case c) throws Exception {
        String tag = "t" + Integer.toHexString(c.name().hashCode());
        MailReader.Reading r = MailReader.read(MailReaderTest.parse(c.mail(tag)), "support@example.com");
        switch (c.outcome()) {
            case TICKET -> {
                assertTrue(r instanceof MailReader.Mail, c.name() + ": " + r);
                IncomingMail m = ((MailReader.Mail) r).mail();
                String all = m.subject() + "\n" + m.text();
                assertTrue(all.contains(c.contains()), c.name() + ": " + all);
                assertTrue(all.contains(tag), c.name() + ": " + all);
                if (c.absent() != null) {
                    assertFalse(m.text().contains(c.absent()), c.name() + ": " + m.text());
                }
            }
            case IGNORED -> assertTrue(r instanceof MailReader.Skip, c.name() + ": " + r);
            case QUARANTINED -> assertTrue(r instanceof MailReader.Unreadable, c.name() + ": " + r);
            default -> throw new AssertionError(c.outcome());
        }
    }

    @org.junit.jupiter.api.Test
    void theCatalogueHasAtLeast25Shapes() {
        assertTrue(MailCatalogue.cases().size() >= 25);
        assertEquals(
                MailCatalogue.cases().size(),
                MailCatalogue.cases().stream()
                        .map(MailCatalogue.Case::name)
                        .distinct()
                        .count());
    }
}
