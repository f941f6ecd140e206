package io.ticketrouter.infrastructure.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.application.IncomingMail;
import io.ticketrouter.domain.model.ticket.Attachment;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Customers' mails as real mail programs write them, read the way Ticket Router takes them. */
class MailReaderTest {

    private static final String OWN = "support@example.com";

    static MimeMessage parse(String raw) throws Exception {
        return parse(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    static MimeMessage parse(byte[] raw) throws Exception {
        Properties mailbox = new Properties();
        mailbox.setProperty("mail.mime.allowutf8", "true"); // as the poller's session reads the mailbox
        return new MimeMessage(Session.getInstance(mailbox), new ByteArrayInputStream(raw));
    }

    static IncomingMail mail(String raw) throws Exception {
        MailReader.Reading r = MailReader.read(parse(raw), OWN);
        return assertInstanceOf(MailReader.Mail.class, r, r.toString()).mail();
    }

    @Test
    void quotedPrintableLatin1WithAnEncodedSubjectIsReadInItsCharset() throws Exception {
        IncomingMail m = mail("""
                From: =?ISO-8859-1?Q?Ren=E9e_Dupr=E9?= <Renee.Dupre@Example.org>
                To: support@example.com
                Subject: =?ISO-8859-1?Q?R=E9clamation_sur_ma_facture?=
                Message-ID: <abc-1@example.org>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=ISO-8859-1
                Content-Transfer-Encoding: quoted-printable

                Bonjour, ma facture de f=E9vrier est fausse : 120 =80 au lieu de 100.
                Merci d'avance.
                """);
        assertEquals("Réclamation sur ma facture", m.subject());
        assertEquals("Bonjour, ma facture de février est fausse : 120 € au lieu de 100.\nMerci d'avance.", m.text());
        assertEquals("renee.dupre@example.org", m.fromAddress());
        assertEquals("Renée Dupré", m.fromName());
        assertEquals("<abc-1@example.org>", m.messageId());
    }

    @Test
    void base64Utf8AndAnUnlabelledUtf8TextAreRead() throws Exception {
        String text = "Grüße aus Köln: der Drucker im 3. Stock druckt nur noch leere Seiten.";
        IncomingMail m = mail("From: anna@example.de\nSubject: =?UTF-8?B?"
                + Base64.getEncoder().encodeToString("Drucker geht nicht – dringend".getBytes(StandardCharsets.UTF_8))
                + "?=\nMessage-ID: <b64@example.de>\nMIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "\n");
        assertEquals("Drucker geht nicht – dringend", m.subject());
        assertEquals(text, m.text());

        byte[] raw = ("From: anna@example.de\r\nSubject: Drucker\r\nMessage-ID: <raw8@example.de>\r\n"
                        + "Content-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        MailReader.Reading r = MailReader.read(parse(raw), OWN);
        assertEquals(text, ((MailReader.Mail) r).mail().text(), "8-bit UTF-8 without a charset");
    }

    @Test
    void windows1252LabelledAsLatin1KeepsItsQuotesAndEuro() throws Exception {
        byte[] body = "Der Betrag von 49,90 \u20ac wurde doppelt abgebucht \u201edringend\u201c."
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        byte[] head = ("From: kunde@example.de\r\nSubject: Abbuchung\r\nMessage-ID: <cp@example.de>\r\n"
                        + "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] raw = new byte[head.length + body.length];
        System.arraycopy(head, 0, raw, 0, head.length);
        System.arraycopy(body, 0, raw, head.length, body.length);
        IncomingMail m = ((MailReader.Mail) MailReader.read(parse(raw), OWN)).mail();
        assertEquals("Der Betrag von 49,90 € wurde doppelt abgebucht „dringend“.", m.text());
    }

    @Test
    void anHtmlOnlyMailIsReadAsTextWithoutTheQuotedMailItAnswers() throws Exception {
        IncomingMail m = mail("""
                From: Carlos <carlos@example.es>
                Subject: Pedido 4471
                Message-ID: <html-1@example.es>
                MIME-Version: 1.0
                Content-Type: text/html; charset=UTF-8

                <html><head><style>p{color:red}</style></head><body><p>Hola,</p><p>mi pedido <b>4471</b> no ha llegado.<br>¿Pueden revisarlo?</p>
                <div class="gmail_quote"><p>El lunes, Soporte escribió:</p><blockquote>Su pedido sale hoy.</blockquote></div>
                <script>alert(1)</script></body></html>
                """.replace("¿", "&iquest;"));
        assertEquals("Hola,\nmi pedido 4471 no ha llegado.\n¿Pueden revisarlo?", m.text());
    }

    @Test
    void plainTextIsPreferredAndTheQuotedHistoryAndSignatureAreTrimmed() throws Exception {
        IncomingMail m = mail("""
                From: joao@example.pt
                Subject: Re: [TR-000042] Re: Fatura duplicada
                Message-ID: <reply-1@example.pt>
                In-Reply-To: <ack-2@example.com>
                References: <orig-1@example.pt> <ack-2@example.com>
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="b1"

                --b1
                Content-Type: text/plain; charset=UTF-8

                Ainda não recebi o reembolso.

                Em seg., 1 de dez. de 2026, Suporte escreveu:
                > Recebemos a sua mensagem.
                > Obrigado.
                --b1
                Content-Type: text/html; charset=UTF-8

                <p>HTML alternative that must not be read</p>
                --b1--
                """);
        assertEquals("Ainda não recebi o reembolso.", m.text());
        assertEquals(List.of("<ack-2@example.com>", "<orig-1@example.pt>"), m.references(), "nearest first");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "On Mon, 1 Dec 2026 at 10:00, Support <support@example.com> wrote:",
                "Am Mo., 1. Dez. 2026 um 10:00 Uhr schrieb Support <support@example.com>:",
                "El lun, 1 dic 2026 a las 10:00, Soporte escribió:",
                "Le lun. 1 déc. 2026 à 10:00, Support a écrit :",
                "-----Original Message-----",
                "-----Ursprüngliche Nachricht-----"
            })
    void theLineThatIntroducesAQuotedMailEndsTheCustomersText(String header) {
        assertEquals(
                "Still broken, see the screenshot.",
                MailReader.trimQuoted("Still broken, see the screenshot.\n\n" + header + "\nour earlier answer\n"));
    }

    @Test
    void aMailThatIsOnlyQuotedKeepsItsText() {
        assertEquals("> only a quote", MailReader.trimQuoted("> only a quote"));
    }

    @Test
    void attachmentsAreListedWithTheirDecodedNameTypeAndSize() throws Exception {
        byte[] pdf = new byte[3000];
        IncomingMail m =
                mail("From: anna@example.de\nSubject: Rechnung\nMessage-ID: <att@example.de>\nMIME-Version: 1.0\n"
                        + "Content-Type: multipart/mixed; boundary=\"x\"\n\n--x\nContent-Type: text/plain; charset=UTF-8\n\n"
                        + "Die Rechnung im Anhang ist falsch.\n--x\nContent-Type: application/pdf\n"
                        + "Content-Disposition: attachment; filename=\"=?UTF-8?Q?Rechnung_M=C3=A4rz.pdf?=\"\n"
                        + "Content-Transfer-Encoding: base64\n\n"
                        + Base64.getMimeEncoder().encodeToString(pdf) + "\n--x\n"
                        + "Content-Type: image/png; name=\"screen.png\"\nContent-Disposition: inline; filename=\"screen.png\"\n"
                        + "Content-Transfer-Encoding: base64\n\n"
                        + Base64.getMimeEncoder().encodeToString(new byte[10]) + "\n--x--\n");
        assertEquals("Die Rechnung im Anhang ist falsch.", m.text());
        assertEquals(
                List.of(
                        new Attachment("Rechnung März.pdf", "application/pdf", 3000),
                        new Attachment("screen.png", "image/png", 10)),
                m.attachments());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "From: bob@example.org\nAuto-Submitted: auto-replied\n",
                "From: bob@example.org\nAuto-Submitted: auto-generated\n",
                "From: bob@example.org\nPrecedence: bulk\n",
                "From: bob@example.org\nPrecedence: list\n",
                "From: bob@example.org\nPrecedence: junk\n",
                "From: bob@example.org\nX-Autoreply: yes\n",
                "From: MAILER-DAEMON@mx.example.org\n",
                "From: postmaster@example.org\n",
                "From: Support <Support@Example.com>\n",
                "From: bob@example.org\nReturn-Path: <>\n"
            })
    void automaticMailsBouncesListsAndOurOwnAreSkipped(String headers) throws Exception {
        MailReader.Reading r = MailReader.read(
                parse(headers + "Subject: Out of office\nMessage-ID: <skip@example.org>\n\nI am away until Monday.\n"),
                OWN);
        assertInstanceOf(MailReader.Skip.class, r, headers);
    }

    @Test
    void autoSubmittedNoIsAPersonsMail() throws Exception {
        assertInstanceOf(
                MailReader.Mail.class,
                MailReader.read(
                        parse("From: bob@example.org\nAuto-Submitted: no\nSubject: Hi\n\nMy laptop does not boot.\n"),
                        OWN));
    }

    @Test
    void aMailWithoutMessageIdGetsTheSameIdEachTimeItIsRead() throws Exception {
        String raw = "From: bob@example.org\nSubject: VPN\n\nThe VPN drops every ten minutes.\n";
        String first = mail(raw).messageId();
        assertEquals(first, mail(raw).messageId());
        assertTrue(first.matches("<[0-9a-f]{64}@digest\\.ticketrouter\\.invalid>"), first);
        assertFalse(first.equals(mail(raw + "Another line.\n").messageId()));
    }

    @Test
    void controlCharactersAndBidirectionalOverridesAreRemoved() throws Exception {
        IncomingMail m = mail("From: bob@example.org\nSubject: Invoice \u202Efdp.exe\nMessage-ID: <bidi@example.org>\n"
                + "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\nPay\u0007 now\u0000.\n");
        assertEquals("Invoice fdp.exe", m.subject());
        assertEquals("Pay now.", m.text());
    }

    @Test
    void partsNestedDeeperThanAnyMailProgramNestsThemMakeTheMailUnreadable() throws Exception {
        StringBuilder raw = new StringBuilder("From: bob@example.org\nSubject: Nested\nMIME-Version: 1.0\n");
        int depth = MailReader.DEPTH_MAX + 5;
        for (int i = 0; i < depth; i++) {
            raw.append("Content-Type: multipart/mixed; boundary=\"b")
                    .append(i)
                    .append("\"\n\n--b")
                    .append(i)
                    .append('\n');
        }
        raw.append("Content-Type: text/plain\n\ndeep\n");
        for (int i = depth - 1; i >= 0; i--) {
            raw.append("--b").append(i).append("--\n");
        }
        MailReader.Reading r = MailReader.read(parse(raw.toString()), OWN);
        assertTrue(assertInstanceOf(MailReader.Unreadable.class, r).reason().contains("nested"), r.toString());
    }

    @Test
    void aMailWithoutSenderCannotBeTaken() throws Exception {
        assertInstanceOf(MailReader.Unreadable.class, MailReader.read(parse("Subject: Hi\n\nNo sender here.\n"), OWN));
    }
}
