package io.ticketrouter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The e-mail channel on the real WAR against a real IMAP and SMTP server (GreenMail, in this JVM): a customer's mail
 * becomes a ticket, is moved to the processed folder and is acknowledged in the customer's language with the
 * reference and a status link; a reply joins the ticket and reopens it; an agent's reply goes out threaded; the same
 * mail read twice makes one ticket; automatic mails make none; a mail too large goes to the quarantine; a mail server
 * that was away is read again, said once in the log.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailIT {

    static final String SUPPORT = "support@example.com";
    static final String LOGIN = "support";
    static final String PASSWORD = "secret-it-1";
    static final String PORTAL = "https://support.example.com/";

    private static int smtpPort;
    private static int imapPort;
    private static GreenMail mail;
    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        TestModel.require();
        Database db = Database.forThisRun("mail");
        smtpPort = Ports.pick();
        imapPort = Ports.pick();
        mail = greenMail();
        Path data = WorkDirs.fresh("mail-" + db.kind + "-data");
        Map<String, String> config = TestServer.config(data, TestServer.MODEL, db);
        config.put("ticketrouter.mail.imap.url", "imap://" + LOGIN + "@127.0.0.1:" + imapPort + "/INBOX");
        config.put("ticketrouter.mail.imap.password", PASSWORD);
        config.put("ticketrouter.mail.smtp.url", "smtp://127.0.0.1:" + smtpPort);
        config.put("ticketrouter.mail.from", "Example Support <" + SUPPORT + ">");
        config.put("ticketrouter.mail.poll-seconds", "1");
        config.put("ticketrouter.public-url", PORTAL);
        config.put("ticketrouter.webhooks.retry.first-seconds", "1");
        config.put("ticketrouter.webhooks.retry.longest-seconds", "2");
        server = TestServer.start("mail-" + db.kind, config);
        http = new Http(server);
    }

    private static GreenMail greenMail() {
        GreenMail g = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        g.start();
        g.setUser(SUPPORT, LOGIN, PASSWORD);
        return g;
    }

    @AfterAll
    static void stop() {
        if (durability != null) {
            System.out.println(durability);
        }
        if (server != null) {
            server.stop();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    @Order(1)
    void aCustomersMailBecomesATicketAndIsAcknowledgedInTheirLanguageWithAStatusLink() throws Exception {
        String tag = tag();
        String id = "<" + tag + "@kunde.example.de>";
        DashboardSocket dashboard = DashboardSocket.open(server.port());
        long sent = System.nanoTime();
        deliver("From: =?ISO-8859-1?Q?J=FCrgen_M=FCller?= <Juergen.Mueller@kunde.example.de>\n"
                + "To: " + SUPPORT + "\nSubject: =?ISO-8859-1?Q?VPN_trennt_sich_st=E4ndig?=\nMessage-ID: " + id + "\n"
                + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"m\"\n\n--m\n"
                + "Content-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n"
                + "Hallo, seit dem Update trennt sich das VPN alle zehn Minuten. Bitte pr=FCfen Sie das. " + tag + "\n"
                + "--m\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=\"vpn-log.pdf\"\n"
                + "Content-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString(new byte[2048])
                + "\n--m--\n");
        DashboardSocket.Arrival pushed = dashboard.await(
                m -> "created".equals(m.getString("type", ""))
                        && m.getJsonObject("ticket").getString("body").contains(tag),
                "the mail's ticket on an open dashboard");
        dashboard.close();
        System.out.printf(
                "[it] mail to dashboard: %d ms from the SMTP send to the dashboard's push (poll interval 1 s)%n",
                (pushed.nanoTime() - sent) / 1_000_000);
        JsonObject ticket = ticketWith(tag);
        assertEquals("email", ticket.getString("channel"));
        assertEquals("VPN trennt sich ständig", ticket.getString("subject"));
        assertEquals(
                "Hallo, seit dem Update trennt sich das VPN alle zehn Minuten. Bitte prüfen Sie das. " + tag,
                ticket.getString("body"));
        assertEquals("juergen.mueller@kunde.example.de", ticket.getString("customer_email"));
        assertEquals("Jürgen Müller", ticket.getString("customer_name"));
        JsonArray attachments = ticket.getJsonArray("attachments");
        assertEquals(1, attachments.size(), attachments.toString());
        assertEquals("vpn-log.pdf", attachments.getJsonObject(0).getString("name"));
        assertEquals("application/pdf", attachments.getJsonObject(0).getString("type"));
        assertEquals(2048, attachments.getJsonObject(0).getInt("size"));
        String reference = ticket.getString("reference");

        Eventually.until(Duration.ofSeconds(20), "the mail was moved to Processed", () -> folderHas("Processed", id));
        assertTrue(!folderHas("INBOX", id), "the inbox no longer holds it");

        MimeMessage ack = received("juergen.mueller@kunde.example.de", reference);
        assertEquals("[" + reference + "] Re: VPN trennt sich ständig", ack.getSubject());
        assertEquals("auto-replied", ack.getHeader("Auto-Submitted", ","));
        assertEquals(id, ack.getHeader("In-Reply-To", ","));
        assertTrue(ack.getFrom()[0].toString().contains(SUPPORT), ack.getFrom()[0].toString());
        String text = ((String) ack.getContent()).replace("\r\n", "\n");
        assertTrue(text.startsWith("Hallo Jürgen Müller,"), text);
        assertTrue(text.contains("als Ticket " + reference + " erhalten"), text);
        assertTrue(text.contains(ticket.getString("final_queue")), "names the team: " + text);
        Matcher link = Pattern.compile(Pattern.quote(PORTAL) + "#status=(TR-[0-9]+)&code=(\\S+)")
                .matcher(text);
        assertTrue(link.find(), "a status link with the code in the fragment: " + text);
        assertEquals(reference, link.group(1));
        String code = URLDecoder.decode(link.group(2), StandardCharsets.UTF_8);
        Http.Answer status = Http.anonymous(server)
                .send(java.net.http.HttpRequest.newBuilder(server.url("/api/tickets/" + reference + "/status"))
                        .header("X-Status-Token", code)
                        .GET());
        assertEquals(200, status.status(), "the code in the mail opens the ticket's status: " + status);
    }

    @Test
    @Order(2)
    void aReplyToTheAcknowledgementJoinsItsTicketAndReopensIt() throws Exception {
        String tag = tag();
        deliver(plain(
                "ana@cliente.example.es",
                "Factura duplicada",
                "<" + tag + "@cliente.example.es>",
                null,
                "Hola, me han cobrado dos veces la factura de noviembre y todavía no he recibido el reembolso que"
                        + " me prometieron por teléfono la semana pasada. " + tag));
        JsonObject ticket = ticketWith(tag);
        String reference = ticket.getString("reference");
        MimeMessage ack = received("ana@cliente.example.es", reference);
        assertTrue(((String) ack.getContent()).startsWith("Hola:"), "Spanish, without a name: " + ack.getContent());
        assertEquals(
                200,
                http.patch("/api/tickets/" + reference, "{\"status\":\"resolved\"}")
                        .status());

        String again = tag();
        deliver(plain(
                "ana@cliente.example.es",
                "Re: " + ack.getSubject(),
                "<" + again + "@cliente.example.es>",
                ack.getMessageID(),
                "Sigue sin resolverse, el cargo aparece otra vez. " + again
                        + "\n\nEl lun, 1 dic 2026, Soporte escribió:\n> Hemos recibido su mensaje."));
        Eventually.until(
                Duration.ofSeconds(30),
                "the reply joined the ticket",
                () -> history(reference).stream()
                        .anyMatch(h -> h.getString("field").equals("message")));
        JsonObject now = http.get("/api/tickets/" + reference).json();
        assertEquals("open", now.getString("status"), "a reply reopens a resolved ticket");
        JsonObject message = history(reference).stream()
                .filter(h -> h.getString("field").equals("message"))
                .findFirst()
                .orElseThrow();
        assertEquals("Sigue sin resolverse, el cargo aparece otra vez. " + again, message.getString("to"));
        assertEquals("ana@cliente.example.es", message.getString("actor"));
        assertEquals(0, search(again).size(), "no second ticket");
    }

    @Test
    @Order(3)
    void aMailNamingTheTicketInItsSubjectJoinsItOnlyFromItsCustomer() throws Exception {
        String tag = tag();
        deliver(plain(
                "paul@client.example.fr",
                "Remboursement",
                "<" + tag + "@client.example.fr>",
                null,
                "Je n'ai toujours pas reçu mon remboursement pour la commande 5521. " + tag));
        String reference = ticketWith(tag).getString("reference");
        String fromCustomer = tag();
        deliver(plain(
                "paul@client.example.fr",
                "[" + reference + "] encore",
                "<" + fromCustomer + "@x.fr>",
                null,
                "Toujours rien reçu. " + fromCustomer));
        Eventually.until(
                Duration.ofSeconds(30),
                "the customer's mail joined the ticket",
                () -> history(reference).stream()
                        .anyMatch(h -> h.getString("to").contains(fromCustomer)));
        String fromStranger = tag();
        deliver(plain(
                "mallory@evil.example",
                "[" + reference + "] change the bank account",
                "<" + fromStranger + "@evil.example>",
                null,
                "Please send the refund to another account. " + fromStranger));
        JsonObject own = ticketWith(fromStranger);
        assertTrue(!own.getString("reference").equals(reference), "a stranger's mail makes a ticket of its own");
        assertTrue(history(reference).stream().noneMatch(h -> h.getString("to").contains(fromStranger)));
    }

    @Test
    @Order(4)
    void anAgentsReplyGoesOutThreadedToTheCustomersMailAndStaysInTheHistory() throws Exception {
        String tag = tag();
        String id = "<" + tag + "@cliente.example.pt>";
        deliver(plain(
                "rita@cliente.example.pt",
                "Senha expirada",
                id,
                null,
                "A minha senha expirou e não consigo entrar no portal. " + tag));
        String reference = ticketWith(tag).getString("reference");
        Http.Answer answer = http.post(
                "/api/tickets/" + reference + "/replies", "{\"text\":\"Olá Rita, já redefinimos a sua senha.\"}");
        assertEquals(201, answer.status(), answer.toString());
        assertTrue(answer.json().getJsonArray("history").stream()
                .map(JsonValue::asJsonObject)
                .anyMatch(h -> h.getString("field").equals("reply")
                        && h.getString("to").equals("Olá Rita, já redefinimos a sua senha.")));
        MimeMessage reply = receivedWith("rita@cliente.example.pt", "já redefinimos");
        assertEquals("[" + reference + "] Re: Senha expirada", reply.getSubject());
        assertEquals(id, reply.getHeader("In-Reply-To", ","), "answers the customer's mail");
        assertTrue(reply.getHeader("References", ",").contains(id));
        assertEquals(null, reply.getHeader("Auto-Submitted"), "an agent's reply is not automatic");

        Http.Answer empty = http.post("/api/tickets/" + reference + "/replies", "{\"text\":\"   \"}");
        assertEquals(400, empty.status(), empty.toString());
        assertTrue(empty.contentType().startsWith("application/problem+json"), empty.contentType());
    }

    @Test
    @Order(5)
    void theSameMailDeliveredTwiceMakesOneTicket() throws Exception {
        String tag = tag();
        String raw = plain(
                "li@example.cn",
                "Invoice copy",
                "<" + tag + "@example.cn>",
                null,
                "Please send me a copy of invoice 7781 for our records. " + tag);
        deliver(raw);
        deliver(raw);
        ticketWith(tag);
        Eventually.until(Duration.ofSeconds(20), "both copies were moved on", () -> !folderHasText("INBOX", tag));
        assertEquals(1, search(tag).size(), "one ticket for one Message-ID");
    }

    @Test
    @Order(6)
    void automaticMailsBouncesAndListMailMakeNoTicket() throws Exception {
        String[] headers = {
            "From: bob@example.org\nAuto-Submitted: auto-replied\n",
            "From: bob@example.org\nPrecedence: bulk\n",
            "From: MAILER-DAEMON@mx.example.org\n",
            "From: " + SUPPORT + "\n"
        };
        String last = null;
        for (String h : headers) {
            last = tag();
            deliver(h + "To: " + SUPPORT + "\nSubject: Automatic\nMessage-ID: <" + last + "@example.org>\n\n"
                    + "I am out of the office until Monday. " + last + "\n");
        }
        String lastTag = last;
        Eventually.until(Duration.ofSeconds(20), "they were moved on", () -> folderHasText("Processed", lastTag));
        assertEquals(0, search("I am out of the office").size(), "no ticket for automatic mail");
        assertTrue(mails(metrics(), "ignored") >= headers.length);
    }

    @Test
    @Order(7)
    void aMailOverTheSizeLimitGoesToTheQuarantine() throws Exception {
        String tag = tag();
        byte[] big = new byte[11 * 1024 * 1024]; // over the default limit of 10 MB
        deliver("From: big@example.org\nTo: " + SUPPORT + "\nSubject: Huge\nMessage-ID: <" + tag + "@example.org>\n"
                + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\n"
                + "See the attached dump. " + tag + "\n--b\nContent-Type: application/octet-stream\n"
                + "Content-Disposition: attachment; filename=dump.bin\nContent-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString(big) + "\n--b--\n");
        Eventually.until(Duration.ofSeconds(30), "the mail is in Quarantine", () -> folderHasText("Quarantine", tag));
        assertEquals(0, search(tag).size());
        assertTrue(mails(metrics(), "quarantined") >= 1);
        Http.Answer listed = http.get("/api/mail/quarantine");
        assertEquals(200, listed.status(), listed.toString());
        assertEquals("Quarantine", listed.json().getString("folder"));
        JsonObject entry = listed.json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .filter(q -> ("<" + tag + "@example.org>").equals(q.getString("message_id", null)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("listed for admins: " + listed));
        assertEquals("big@example.org", entry.getString("from"));
        assertEquals("Huge", entry.getString("subject"));
        assertTrue(entry.getString("reason").contains("over the limit of 10 MB"), entry.toString());
        assertTrue(entry.getJsonNumber("size").longValue() > 11_000_000, entry.toString());
        assertEquals(401, Http.anonymous(server).get("/api/mail/quarantine").status(), "admins only");
    }

    @Test
    @Order(8)
    void aMailServerThatWasAwayIsReadAgainAndTheLogSaysSoOnce() throws Exception {
        Path log = server.logFile();
        long before = count(log, "cannot be read"); // the log of earlier runs of this test server stays
        long backBefore = count(log, "can be read again");
        mail.stop();
        Eventually.until(
                Duration.ofSeconds(30),
                "the log says the mailbox cannot be read",
                () -> count(log, "cannot be read") > before);
        Thread.sleep(5_000);
        mail = greenMail();
        String tag = tag();
        deliver(plain(
                "back@example.org",
                "Printer offline",
                "<" + tag + "@example.org>",
                null,
                "The printer on floor 2 is offline again. " + tag));
        Eventually.until(
                Duration.ofSeconds(90),
                "the mail became a ticket",
                () -> !search(tag).isEmpty());
        assertEquals(before + 1, count(log, "cannot be read"), "said once, however often it was tried");
        Eventually.until(
                Duration.ofSeconds(10),
                "the log says the mailbox can be read again",
                () -> count(log, "can be read again") == backBefore + 1);
    }

    @Test
    @Order(9)
    void everyShapeOfTheMailCatalogueBecomesTheRightTicketOrNoneOrGoesToTheQuarantineAndThePollerGoesOn()
            throws Exception {
        List<MailCatalogue.Case> cases = MailCatalogue.cases();
        Map<MailCatalogue.Case, String> tags = new java.util.LinkedHashMap<>();
        List<String> raws = new java.util.ArrayList<>();
        for (MailCatalogue.Case c : cases) {
            String tag = tag();
            tags.put(c, tag);
            raws.add(c.mail(tag));
        }
        deliverAll(raws);
        String after = tag();
        deliver(plain(
                "after@example.org",
                "After the catalogue",
                "<" + after + "@example.org>",
                null,
                "The poller still reads the mailbox after every shape. " + after));
        ticketWith(after); // read after all of them: none stopped the poller
        List<String> wrong = new java.util.ArrayList<>();
        for (MailCatalogue.Case c : cases) {
            String tag = tags.get(c);
            String id = "<" + tag + "@catalogue.example>";
            List<JsonObject> tickets = search(tag);
            switch (c.outcome()) {
                case TICKET -> {
                    if (tickets.size() != 1) {
                        wrong.add(c.name() + ": " + tickets.size() + " tickets");
                        continue;
                    }
                    JsonObject t = tickets.get(0);
                    String all = t.getString("subject") + "\n" + t.getString("body");
                    if (!all.contains(c.contains())
                            || c.absent() != null && t.getString("body").contains(c.absent())) {
                        wrong.add(c.name() + ": " + all.substring(0, Math.min(all.length(), 300)));
                    }
                }
                case IGNORED -> {
                    if (!tickets.isEmpty() || !folderHas("Processed", id)) {
                        wrong.add(c.name() + ": " + tickets.size() + " tickets, in Processed: "
                                + folderHas("Processed", id));
                    }
                }
                case QUARANTINED -> {
                    if (!tickets.isEmpty() || !folderHas("Quarantine", id) && !folderHasText("Quarantine", tag)) {
                        wrong.add(c.name() + ": " + tickets.size() + " tickets, not in Quarantine");
                    }
                }
                default -> throw new AssertionError(c.outcome());
            }
        }
        assertEquals(List.of(), wrong, cases.size() + " shapes");
        assertTrue(folderEmpty("INBOX"), "every mail was moved out of the inbox");
    }

    /**
     * A thousand mails, the server killed ({@code kill -9}) while it works through them: after the restart every mail
     * is a ticket exactly once. Its figures are the suite's last lines.
     */
    @Test
    @Order(10)
    void aThousandMailsWithAKillInTheMiddleAreAThousandTicketsExactlyOnce() throws Exception {
        int total = 1_000;
        String run = tag();
        List<String> raws = new java.util.ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            raws.add(plain(
                    "customer" + (i % 50) + "@load.example",
                    "Order " + i + " " + run,
                    "<" + run + "-" + i + "@load.example>",
                    null,
                    "My order " + i + " has not arrived, please check the delivery. " + run + " n" + i + "x"));
        }
        long start = System.nanoTime();
        deliverAll(raws);
        // killed in the second round of 200: tickets made whose mails are not moved yet are read again after it
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        int beforeKill;
        while ((beforeKill = count(run)) < 250) {
            assertTrue(System.nanoTime() < end, beforeKill + " tickets after 120 s");
            Thread.sleep(200);
        }
        server.kill();
        server.restart();
        http = new Http(server);
        awaitInbox(0, Duration.ofSeconds(300));
        Thread.sleep(3_000); // a ticket made twice would show by now
        Map<String, Integer> perMail = new java.util.HashMap<>();
        for (JsonObject t : all(run)) {
            Matcher n = Pattern.compile(" n([0-9]+)x").matcher(t.getString("body"));
            assertTrue(n.find(), t.toString());
            perMail.merge(n.group(1), 1, Integer::sum);
        }
        long twice = perMail.values().stream().filter(v -> v > 1).count();
        double seconds = (System.nanoTime() - start) / 1e9;
        durability = String.format(
                "[it] mail durability (%s): %d mails sent, kill -9 at %d tickets, after the restart %d tickets for %d"
                        + " different mails, %d twice, %d lost; %.1f s in all",
                server.dataDir().getFileName(),
                total,
                beforeKill,
                perMail.values().stream().mapToInt(Integer::intValue).sum(),
                perMail.size(),
                twice,
                total - perMail.size(),
                seconds);
        System.out.println(durability);
        assertEquals(total, perMail.size(), "every mail is a ticket");
        assertEquals(0, twice, "none twice");
        Eventually.until(Duration.ofSeconds(30), "the inbox is empty", () -> folderEmpty("INBOX"));
    }

    /** The durability test's figures, printed again as the suite's last line. */
    private static String durability;

    // ------------------------------------------------------------------ helpers

    /** Waits until the support inbox holds at most {@code n} mails (asked over IMAP every second). */
    private static void awaitInbox(int n, Duration bound) throws InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        int left;
        while ((left = inboxCount()) > n || left < 0) {
            if (System.nanoTime() > end) {
                throw new AssertionError(left + " mails still in the inbox after " + bound.toSeconds() + " s");
            }
            Thread.sleep(1_000);
        }
    }

    /** Mails in the support inbox not yet moved on, or -1 when it cannot be read. */
    private static int inboxCount() {
        try {
            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", imapPort, LOGIN, PASSWORD);
            try {
                Folder f = store.getFolder("INBOX");
                f.open(Folder.READ_ONLY);
                try {
                    return f.getMessageCount() - f.getDeletedMessageCount();
                } finally {
                    f.close(false);
                }
            } finally {
                store.close();
            }
        } catch (Exception e) {
            return -1;
        }
    }

    /** How many tickets hold this text. */
    private static int count(String text) {
        try {
            Http.Answer a = http.get(
                    "/api/tickets?channel=email&limit=1&q=" + java.net.URLEncoder.encode(text, StandardCharsets.UTF_8));
            return a.status() == 200 ? all(text).size() : -1;
        } catch (Exception e) {
            return -1; // the server is restarting
        }
    }

    /** Every ticket that holds this text, page after page. */
    private static List<JsonObject> all(String text) {
        List<JsonObject> found = new java.util.ArrayList<>();
        String before = null;
        try {
            do {
                Http.Answer a = http.get("/api/tickets?channel=email&limit=500&q="
                        + java.net.URLEncoder.encode(text, StandardCharsets.UTF_8)
                        + (before == null ? "" : "&before=" + before));
                if (a.status() != 200) {
                    throw new IllegalStateException(a.toString());
                }
                JsonObject page = a.json();
                page.getJsonArray("items").forEach(v -> found.add(v.asJsonObject()));
                before = page.isNull("next_before") ? null : page.getString("next_before", null);
            } while (before != null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private static boolean folderEmpty(String name) {
        return !folderMatches(name, m -> true);
    }

    private static String tag() {
        return "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private static String plain(String from, String subject, String id, String inReplyTo, String text) {
        return "From: " + from + "\nTo: " + SUPPORT + "\nSubject: " + subject + "\nMessage-ID: " + id + "\n"
                + (inReplyTo == null ? "" : "In-Reply-To: " + inReplyTo + "\nReferences: " + inReplyTo + "\n")
                + "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n"
                + text + "\n";
    }

    /** Sends a mail to the support address over SMTP, as a customer's mail server does. */
    private static void deliver(String raw) throws Exception {
        deliverAll(List.of(raw));
    }

    /** Sends mails to the support address over one SMTP connection, exactly as written (no header rewritten). */
    static void deliverAll(List<String> raws) throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.mime.allowutf8", "true");
        Session session = Session.getInstance(p);
        jakarta.mail.Transport transport = session.getTransport("smtp");
        transport.connect("127.0.0.1", smtpPort, null, null);
        try {
            for (String raw : raws) {
                MimeMessage m = new MimeMessage(
                        session,
                        new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
                transport.sendMessage(
                        m, new jakarta.mail.Address[] {new jakarta.mail.internet.InternetAddress(SUPPORT)});
            }
        } finally {
            transport.close();
        }
    }

    private static JsonObject ticketWith(String tag) {
        Eventually.until(
                Duration.ofSeconds(60),
                "a ticket holds " + tag,
                () -> !search(tag).isEmpty());
        List<JsonObject> found = search(tag);
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    private static List<JsonObject> search(String text) {
        try {
            Http.Answer a = http.get(
                    "/api/tickets?channel=email&q=" + java.net.URLEncoder.encode(text, StandardCharsets.UTF_8));
            assertEquals(200, a.status(), a.toString());
            return a.json().getJsonArray("items").stream()
                    .map(JsonValue::asJsonObject)
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonObject> history(String reference) {
        try {
            return http.get("/api/tickets/" + reference).json().getJsonArray("history").stream()
                    .map(JsonValue::asJsonObject)
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage received(String to, String reference) {
        return receivedWith(to, "[" + reference + "]");
    }

    /** The mail that reached {@code to} whose subject or text holds {@code part}. */
    private static MimeMessage receivedWith(String to, String part) {
        MimeMessage[] found = new MimeMessage[1];
        Eventually.until(Duration.ofSeconds(30), "a mail to " + to + " with " + part, () -> {
            try {
                found[0] = mail.findReceivedMessages(u -> u.getEmail().equalsIgnoreCase(to), m -> {
                            try {
                                return m.getSubject().contains(part)
                                        || String.valueOf(m.getContent()).contains(part);
                            } catch (Exception e) {
                                return false;
                            }
                        })
                        .findFirst()
                        .orElse(null);
            } catch (java.util.ConcurrentModificationException e) {
                return false; // a mail arrived while the mailboxes were read: read them again
            }
            return found[0] != null;
        });
        assertNotNull(found[0]);
        return found[0];
    }

    private static boolean folderHas(String folder, String messageId) {
        return folderMatches(folder, m -> messageId.equals(m.getMessageID()));
    }

    private static boolean folderHasText(String folder, String text) {
        return folderMatches(folder, m -> {
            try {
                return m.getMessageID() != null && m.getMessageID().contains(text)
                        || String.valueOf(m.getContent()).contains(text);
            } catch (Exception e) {
                return false;
            }
        });
    }

    interface Check {
        boolean test(MimeMessage m) throws Exception;
    }

    /** Looks into a folder of the support mailbox over IMAP, as a mail program would. */
    private static boolean folderMatches(String name, Check check) {
        try {
            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", imapPort, LOGIN, PASSWORD);
            try {
                Folder f = store.getFolder(name);
                if (!f.exists()) {
                    return false;
                }
                f.open(Folder.READ_ONLY);
                try {
                    for (jakarta.mail.Message m : f.getMessages()) {
                        if (check.test((MimeMessage) m)) {
                            return true;
                        }
                    }
                    return false;
                } finally {
                    f.close(false);
                }
            } finally {
                store.close();
            }
        } catch (Exception e) {
            return false;
        }
    }

    private static String metrics() throws Exception {
        return http.get("/metrics", "text/plain").body();
    }

    /** {@code ticketrouter_mail_messages_total} with this result (Prometheus text format, tags in any order). */
    private static double mails(String text, String result) {
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("ticketrouter_mail_messages_total{") && line.contains("result=\"" + result + "\"")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    private static long count(Path log, String text) {
        try {
            return Files.readAllLines(log).stream()
                    .filter(l -> l.contains(text))
                    .count();
        } catch (Exception e) {
            return 0;
        }
    }
}
