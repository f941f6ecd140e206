package io.ticketrouter.it;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Mails as real mail programs, mail systems and broken senders write them, each with what the e-mail channel must
 * make of it: a ticket whose text holds a given fragment (and not the quoted history), no ticket, or the quarantine.
 * Every mail carries its own tag in its {@code Message-ID} (and, when it makes a ticket, in its text), so one run's
 * outcomes can be told apart from another's.
 */
public final class MailCatalogue {

    public enum Outcome {
        TICKET,
        IGNORED,
        QUARANTINED
    }

    /**
     * @param raw      the mail, with {@code TAG} where the case's tag goes (line ends {@code \n}; sent as CRLF)
     * @param contains for a ticket: text its subject and body must hold together (besides the tag)
     * @param absent   for a ticket: text that must not be in its body (the quoted history), or null
     */
    public record Case(String name, Outcome outcome, String raw, String contains, String absent) {

        public String mail(String tag) {
            return raw.replace("TAG", tag);
        }
    }

    static final String SUPPORT = MailIT.SUPPORT;

    private MailCatalogue() {}

    private static String head(String from, String subject, String more) {
        return "From: " + from + "\nTo: " + SUPPORT + "\nSubject: " + subject
                + "\nMessage-ID: <TAG@catalogue.example>\n"
                + "Date: Mon, 1 Dec 2026 10:00:00 +0100\nMIME-Version: 1.0\n" + more;
    }

    private static String b64(String text, Charset cs) {
        return Base64.getMimeEncoder().encodeToString(text.getBytes(cs)).replace("\r\n", "\n");
    }

    /** A 15 MB mail: a screen recording attached. */
    static String huge() {
        byte[] video = new byte[15 * 1024 * 1024];
        return head("Big Sender <big@catalogue.example>", "Screen recording", "")
                + "Content-Type: multipart/mixed; boundary=\"h\"\n\n--h\nContent-Type: text/plain\n\n"
                + "The recording of the error is attached. TAG\n--h\nContent-Type: video/mp4\n"
                + "Content-Disposition: attachment; filename=\"error.mp4\"\nContent-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString(video).replace("\r\n", "\n") + "\n--h--\n";
    }

    public static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        Function<String, String> plain = more -> "Content-Type: text/plain; charset=UTF-8\n" + more;
        c.add(new Case(
                "plain ASCII without a charset",
                Outcome.TICKET,
                head("alice@catalogue.example", "Printer jam", "Content-Type: text/plain\n")
                        + "\nThe printer on floor 3 jams on every page. TAG\n",
                "jams on every page",
                null));
        c.add(new Case(
                "UTF-8, 8bit",
                Outcome.TICKET,
                head("ana@catalogue.example", "Contraseña", plain.apply("Content-Transfer-Encoding: 8bit\n"))
                        + "\nNo puedo cambiar mi contraseña desde ayer. TAG\n",
                "contraseña desde ayer",
                null));
        c.add(new Case(
                "UTF-8, base64",
                Outcome.TICKET,
                head("jonas@catalogue.example", "Drucker TAG", plain.apply("Content-Transfer-Encoding: base64\n"))
                        + "\n" + b64("Der Drucker im Büro druckt nur leere Seiten.", StandardCharsets.UTF_8) + "\n",
                "Drucker im Büro",
                null));
        c.add(new Case(
                "ISO-8859-1, quoted-printable",
                Outcome.TICKET,
                head(
                                "remi@catalogue.example",
                                "Facture",
                                "Content-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: quoted-printable\n")
                        + "\nMa facture de f=E9vrier est erron=E9e. TAG\n",
                "facture de février est erronée",
                null));
        c.add(new Case(
                "windows-1252 labelled ISO-8859-1, with euro and quotes",
                Outcome.TICKET,
                head(
                                "kunde@catalogue.example",
                                "Abbuchung",
                                "Content-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: quoted-printable\n")
                        + "\n49,90 =80 wurden doppelt abgebucht =84dringend=93. TAG\n",
                "49,90 € wurden doppelt abgebucht „dringend“",
                null));
        c.add(new Case(
                "ISO-8859-15",
                Outcome.TICKET,
                head(
                                "marie@catalogue.example",
                                "Remboursement",
                                "Content-Type: text/plain; charset=ISO-8859-15\nContent-Transfer-Encoding: quoted-printable\n")
                        + "\nJ'attends 35 =A4 de remboursement. TAG\n",
                "35 € de remboursement",
                null));
        c.add(new Case(
                "an unknown charset, read as windows-1252",
                Outcome.TICKET,
                head(
                                "odd@catalogue.example",
                                "Odd charset",
                                "Content-Type: text/plain; charset=x-made-up\nContent-Transfer-Encoding: 8bit\n")
                        + "\nThe invoice total is wrong. TAG\n",
                "invoice total is wrong",
                null));
        c.add(new Case(
                "RFC 2047 subject, base64 UTF-8",
                Outcome.TICKET,
                head(
                                "li@catalogue.example",
                                "=?UTF-8?B?"
                                        + b64("Rückerstattung überfällig", StandardCharsets.UTF_8)
                                                .replace("\r\n", "") + "?=",
                                plain.apply(""))
                        + "\nSeit drei Wochen warte ich. TAG\n",
                "Rückerstattung überfällig",
                null));
        c.add(new Case(
                "RFC 2047 subject in two encoded words, quoted-printable",
                Outcome.TICKET,
                head(
                                "joao@catalogue.example",
                                "=?ISO-8859-1?Q?Fatura_n=E3o?=\n =?ISO-8859-1?Q?_recebida?=",
                                plain.apply(""))
                        + "\nNão recebi a fatura de novembro. TAG\n",
                "Fatura não recebida",
                null));
        c.add(new Case(
                "HTML only, UTF-8",
                Outcome.TICKET,
                head("html@catalogue.example", "Order", "Content-Type: text/html; charset=UTF-8\n")
                        + "\n<html><body><p>My order <b>4471</b> never arrived.</p><p>TAG</p></body></html>\n",
                "My order 4471 never arrived.",
                "<b>"));
        c.add(new Case(
                "HTML only, quoted-printable with entities",
                Outcome.TICKET,
                head(
                                "html2@catalogue.example",
                                "Acc\u00e8s",
                                "Content-Type: text/html; charset=UTF-8\nContent-Transfer-Encoding: quoted-printable\n")
                        + "\n<div>Je n&#39;ai plus acc=C3=A8s =C3=A0 mon compte&nbsp;!</div><div>TAG</div>\n",
                "Je n'ai plus accès à mon compte !",
                "&#39;"));
        c.add(new Case(
                "multipart/alternative, plain first",
                Outcome.TICKET,
                head("alt@catalogue.example", "VPN", "Content-Type: multipart/alternative; boundary=\"a\"\n")
                        + "\n--a\nContent-Type: text/plain; charset=UTF-8\n\nThe VPN drops every ten minutes. TAG\n"
                        + "--a\nContent-Type: text/html; charset=UTF-8\n\n<p>HTML VERSION</p>\n--a--\n",
                "VPN drops every ten minutes",
                "HTML VERSION"));
        c.add(new Case(
                "multipart/alternative, HTML first",
                Outcome.TICKET,
                head("alt2@catalogue.example", "Laptop", "Content-Type: multipart/alternative; boundary=\"a\"\n")
                        + "\n--a\nContent-Type: text/html; charset=UTF-8\n\n<p>HTML VERSION</p>\n"
                        + "--a\nContent-Type: text/plain; charset=UTF-8\n\nMy laptop does not boot. TAG\n--a--\n",
                "laptop does not boot",
                "HTML VERSION"));
        c.add(new Case(
                "multipart/mixed with a PDF",
                Outcome.TICKET,
                head("pdf@catalogue.example", "Wrong invoice", "Content-Type: multipart/mixed; boundary=\"m\"\n")
                        + "\n--m\nContent-Type: text/plain\n\nThe attached invoice lists the wrong plan. TAG\n"
                        + "--m\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=\"inv.pdf\"\n"
                        + "Content-Transfer-Encoding: base64\n\n" + b64("%PDF-1.4 fake", StandardCharsets.US_ASCII)
                        + "\n--m--\n",
                "lists the wrong plan",
                "%PDF"));
        c.add(new Case(
                "nested: mixed(alternative(plain, html), attachment)",
                Outcome.TICKET,
                head("nested@catalogue.example", "Export", "Content-Type: multipart/mixed; boundary=\"o\"\n")
                        + "\n--o\nContent-Type: multipart/alternative; boundary=\"i\"\n\n--i\nContent-Type: text/plain\n\n"
                        + "The CSV export has empty columns. TAG\n--i\nContent-Type: text/html\n\n<p>HTML VERSION</p>\n"
                        + "--i--\n--o\nContent-Type: text/csv; name=\"export.csv\"\n"
                        + "Content-Disposition: attachment; filename=\"export.csv\"\n\na,b\n1,\n--o--\n",
                "export has empty columns",
                "HTML VERSION"));
        c.add(new Case(
                "multipart/related: HTML with an inline image",
                Outcome.TICKET,
                head("rel@catalogue.example", "Error page", "Content-Type: multipart/related; boundary=\"r\"\n")
                        + "\n--r\nContent-Type: text/html; charset=UTF-8\n\n<p>This error shows:</p>"
                        + "<img src=\"cid:shot\"><p>TAG</p>\n--r\nContent-Type: image/png\nContent-ID: <shot>\n"
                        + "Content-Disposition: inline; filename=\"shot.png\"\nContent-Transfer-Encoding: base64\n\n"
                        + b64("PNG", StandardCharsets.US_ASCII) + "\n--r--\n",
                "This error shows:",
                null));
        c.add(new Case(
                "an Outlook reply",
                Outcome.TICKET,
                head("outlook@catalogue.example", "RE: Ticket", plain.apply(""))
                        + "\nStill not fixed. TAG\n\n-----Original Message-----\nFrom: Support\nSent: Monday\n"
                        + "OLD QUOTED TEXT\n",
                "Still not fixed.",
                "OLD QUOTED TEXT"));
        c.add(new Case(
                "a Gmail reply with > lines",
                Outcome.TICKET,
                head("gmail@catalogue.example", "Re: Ticket", plain.apply(""))
                        + "\nThe refund has not arrived. TAG\n\nOn Mon, 1 Dec 2026 at 10:00, Support <" + SUPPORT
                        + "> wrote:\n> OLD QUOTED TEXT\n",
                "refund has not arrived",
                "OLD QUOTED TEXT"));
        c.add(new Case(
                "a German reply",
                Outcome.TICKET,
                head("de@catalogue.example", "AW: Ticket", plain.apply(""))
                        + "\nEs geht immer noch nicht. TAG\n\nAm Mo., 1. Dez. 2026 um 10:00 schrieb Support <" + SUPPORT
                        + ">:\n> OLD QUOTED TEXT\n",
                "immer noch nicht",
                "OLD QUOTED TEXT"));
        c.add(new Case(
                "no Message-ID",
                Outcome.TICKET,
                head("noid@catalogue.example", "No id", plain.apply(""))
                                .replace("Message-ID: <TAG@catalogue.example>\n", "")
                        + "\nMy account is locked. TAG\n",
                "account is locked",
                null));
        c.add(new Case(
                "only an attachment, no text",
                Outcome.TICKET,
                head("att@catalogue.example", "Screenshot TAG", "Content-Type: multipart/mixed; boundary=\"m\"\n")
                        + "\n--m\nContent-Type: image/png\nContent-Disposition: attachment; filename=\"s.png\"\n"
                        + "Content-Transfer-Encoding: base64\n\n" + b64("PNG", StandardCharsets.US_ASCII) + "\n--m--\n",
                "Screenshot",
                null));
        c.add(new Case(
                "a 20,000-character message",
                Outcome.TICKET,
                head("long@catalogue.example", "Log", plain.apply("")) + "\nThe sync fails with this log. TAG\n"
                        + "x".repeat(20_000) + "\n",
                "sync fails with this log",
                null));
        c.add(new Case(
                "control characters and a bidirectional override",
                Outcome.TICKET,
                head("ctl@catalogue.example", "Invoice \u202Efdp.exe", plain.apply("Content-Transfer-Encoding: 8bit\n"))
                        + "\nPay\u0007 the invoice\u0000 now. TAG\n",
                "Pay the invoice now.",
                "\u202E"));
        c.add(new Case(
                "an out-of-office reply",
                Outcome.IGNORED,
                head("away@catalogue.example", "Out of office", "Auto-Submitted: auto-replied\n" + plain.apply(""))
                        + "\nI am away until Monday. TAG\n",
                null,
                null));
        c.add(new Case(
                "a bounce from the mailer daemon",
                Outcome.IGNORED,
                head(
                                "MAILER-DAEMON@mx.catalogue.example",
                                "Undelivered Mail Returned to Sender",
                                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"d\"\n")
                        + "\n--d\nContent-Type: text/plain\n\nThe mail could not be delivered. TAG\n--d\n"
                        + "Content-Type: message/delivery-status\n\nStatus: 5.1.1\n--d--\n",
                null,
                null));
        c.add(new Case(
                "a newsletter (Precedence: bulk)",
                Outcome.IGNORED,
                head("news@catalogue.example", "Our December offers", "Precedence: bulk\n" + plain.apply(""))
                        + "\nDecember offers. TAG\n",
                null,
                null));
        c.add(new Case(
                "a mailing list (Precedence: list)",
                Outcome.IGNORED,
                head(
                                "list@catalogue.example",
                                "[users] digest",
                                "Precedence: list\nList-Id: <users.catalogue.example>\n" + plain.apply(""))
                        + "\nDigest. TAG\n",
                null,
                null));
        c.add(new Case(
                "an X-Autoreply",
                Outcome.IGNORED,
                head("auto@catalogue.example", "Automatic reply", "X-Autoreply: yes\n" + plain.apply(""))
                        + "\nThanks, we got your mail. TAG\n",
                null,
                null));
        c.add(new Case(
                "our own mail",
                Outcome.IGNORED,
                head("Support <" + SUPPORT + ">", "Loop", plain.apply("")) + "\nOur own mail. TAG\n",
                null,
                null));
        c.add(new Case(
                "no sender",
                Outcome.QUARANTINED,
                head("x", "No sender", plain.apply("")).replace("From: x\n", "") + "\nWho sent this? TAG\n",
                null,
                null));
        c.add(new Case(
                "broken base64",
                Outcome.QUARANTINED,
                head("broken@catalogue.example", "Broken", plain.apply("Content-Transfer-Encoding: base64\n"))
                        + "\n%%%% this is not base64 @@@@ !!!!\n",
                null,
                null));
        c.add(new Case(
                "a multipart without its boundary",
                Outcome.QUARANTINED,
                head(
                                "nob@catalogue.example",
                                "Broken multipart",
                                "Content-Type: multipart/mixed; boundary=\"nowhere\"\n")
                        + "\nThere is no part here at all.\n",
                null,
                null));
        c.add(new Case("a 15 MB mail", Outcome.QUARANTINED, huge(), null, null));
        return c;
    }
}
