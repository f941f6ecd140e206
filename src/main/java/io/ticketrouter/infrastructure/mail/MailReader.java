package io.ticketrouter.infrastructure.mail;

import io.ticketrouter.application.IncomingMail;
import io.ticketrouter.domain.model.ticket.Attachment;
import io.ticketrouter.domain.model.ticket.Attachments;
import io.ticketrouter.domain.model.ticket.TicketMail;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads a customer's mail as Ticket Router takes it: the decoded subject (RFC 2047), the sender, the thread's
 * {@code Message-ID}s, the message as text (the {@code text/plain} part, else the HTML part as readable text, in
 * the part's charset and transfer encoding, the quoted history of earlier mails trimmed) and the list of attachments.
 * Mails that must not become tickets (auto-replies, bulk and list mail, bounces, our own) are {@link Skip}ped; a mail
 * that cannot be read is {@link Unreadable}, for the quarantine.
 */
final class MailReader {

    /** What a mail is to Ticket Router. */
    sealed interface Reading permits Mail, Skip, Unreadable {}

    /** A customer's mail, to take. */
    record Mail(IncomingMail mail) implements Reading {}

    /** A genuine mail that is not a customer's (an auto-reply, a bounce, a list): moved on, no ticket. */
    record Skip(String reason) implements Reading {}

    /** A mail that cannot be read: to the quarantine. */
    record Unreadable(String reason) implements Reading {}

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,990}>");

    /** Senders that are mail systems, not people. */
    private static final Pattern SYSTEM_SENDER =
            Pattern.compile("(?i)(mailer-daemon|postmaster|no-?reply|do-?not-?reply)(\\+[^@]*)?@.*");

    /** The line a mail program puts above the quoted mail it answers, in the five languages and Outlook's. */
    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "(?im)^(?:"
                    + "on\\s.{1,200}\\swrote:"
                    + "|am\\s.{1,200}\\sschrieb\\s?.{0,200}:"
                    + "|el\\s.{1,200}\\sescribi[óo]:"
                    + "|le\\s.{1,200}\\sa\\s[ée]crit\\s?:"
                    + "|em\\s.{1,200}\\sescreveu:"
                    + "|-{2,}\\s*(?:original message|ursprüngliche nachricht|mensaje original|message d'origine"
                    + "|mensagem original)\\s*-{2,}"
                    + "|_{10,}\\s*$\\s*^(?:from|von|de):\\s"
                    + "|(?:from|von|de):\\s.{1,300}$\\s*^(?:sent|gesendet|enviado|envoyé)(?: le)?:\\s"
                    + ")",
            Pattern.UNICODE_CASE);

    /** Bidirectional overrides and isolates, which can make a text read other than it is. */
    private static final Pattern BIDI = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069]");

    private MailReader() {}

    /** Reads a mail sent to {@code ownAddress} (mails from it are our own: skipped). */
    static Reading read(MimeMessage message, String ownAddress) {
        try {
            return readOrFail(message, ownAddress);
        } catch (MessagingException | IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Unreadable("the mail cannot be read: " + oneLine(reason));
        }
    }

    private static Reading readOrFail(MimeMessage message, String ownAddress) throws MessagingException, IOException {
        InternetAddress from = sender(message);
        if (from == null) {
            return new Unreadable("the mail has no sender address (From)");
        }
        String address = from.getAddress();
        String skip = skipReason(message, address, ownAddress);
        if (skip != null) {
            return new Skip(skip);
        }
        List<Attachment> attachments = new ArrayList<>();
        Texts texts = new Texts();
        collect(message, texts, attachments, 0);
        String text;
        if (texts.plain != null) {
            text = texts.plain;
        } else if (texts.html != null) {
            text = htmlToText(texts.html);
        } else {
            text = "";
        }
        text = trimQuoted(clean(text));
        String subject = message.getSubject(); // RFC 2047 words decoded
        return new Mail(new IncomingMail(
                messageId(message),
                threadIds(message),
                subject == null ? "" : clean(subject).replaceAll("\\s+", " ").strip(),
                text,
                address.toLowerCase(Locale.ROOT),
                from.getPersonal() == null ? null : clean(from.getPersonal()).strip(),
                attachments.size() > Attachments.MAX ? attachments.subList(0, Attachments.MAX) : attachments));
    }

    private static InternetAddress sender(MimeMessage message) throws MessagingException {
        Address[] from;
        try {
            from = message.getFrom();
        } catch (MessagingException e) {
            return null; // a From the parser cannot read: like none
        }
        if (from == null) {
            return null;
        }
        for (Address a : from) {
            if (a instanceof InternetAddress ia
                    && ia.getAddress() != null
                    && ia.getAddress().contains("@")) {
                return ia;
            }
        }
        return null;
    }

    /** Why a mail is not a customer's, or null when it is. */
    static String skipReason(MimeMessage message, String from, String ownAddress) throws MessagingException {
        String autoSubmitted = header(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.toLowerCase(Locale.ROOT).startsWith("no")) {
            return "an automatic mail (Auto-Submitted: " + oneLine(autoSubmitted) + ")";
        }
        String precedence = header(message, "Precedence");
        if (precedence != null && precedence.toLowerCase(Locale.ROOT).matches("\\s*(bulk|junk|list)\\s*")) {
            return "a bulk or list mail (Precedence: " + oneLine(precedence) + ")";
        }
        if (header(message, "X-Autoreply") != null || header(message, "X-Autorespond") != null) {
            return "an automatic reply (X-Autoreply)";
        }
        String returnPath = header(message, "Return-Path");
        if (returnPath != null && returnPath.strip().equals("<>")) {
            return "a bounce (Return-Path: <>)";
        }
        if (SYSTEM_SENDER.matcher(from).matches()) {
            return "a mail system's mail (from " + oneLine(from) + ")";
        }
        if (ownAddress != null && from.equalsIgnoreCase(ownAddress)) {
            return "our own mail (from " + ownAddress + ")";
        }
        return null;
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        return message.getHeader(name, ",");
    }

    /** The mail's {@code Message-ID}, or one made from its contents when it has none (or an unusable one). */
    static String messageId(MimeMessage message) throws MessagingException, IOException {
        String id = message.getMessageID();
        if (id != null) {
            Matcher m = MESSAGE_ID.matcher(id.strip());
            if (m.matches() && id.strip().length() <= TicketMail.MESSAGE_ID_MAX) {
                return id.strip();
            }
        }
        // the same mail read again gets the same id: a digest of its headers and body as they are
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        return "<" + HexFormat.of().formatHex(sha.digest(raw.toByteArray())) + "@digest.ticketrouter.invalid>";
    }

    /** The {@code Message-ID}s of {@code In-Reply-To} and {@code References}, nearest first. */
    static List<String> threadIds(MimeMessage message) throws MessagingException {
        List<String> ids = new ArrayList<>();
        String inReplyTo = header(message, "In-Reply-To");
        if (inReplyTo != null) {
            ids.addAll(ids(inReplyTo));
        }
        String references = header(message, "References");
        if (references != null) {
            List<String> refs = ids(references);
            for (int i = refs.size() - 1; i >= 0; i--) {
                if (!ids.contains(refs.get(i))) {
                    ids.add(refs.get(i));
                }
            }
        }
        return ids.size() > 50 ? ids.subList(0, 50) : ids;
    }

    private static List<String> ids(String header) {
        List<String> ids = new ArrayList<>();
        Matcher m = MESSAGE_ID.matcher(header);
        while (m.find()) {
            if (m.group().length() <= TicketMail.MESSAGE_ID_MAX) {
                ids.add(m.group());
            }
        }
        return ids;
    }

    /** The first plain and HTML texts that are not attachments. */
    private static final class Texts {
        String plain;
        String html;
    }

    /** Parts nested deeper than this are not looked into (no mail program nests so deep; a crafted mail might). */
    static final int DEPTH_MAX = 20;

    private static void collect(Part part, Texts texts, List<Attachment> attachments, int depth)
            throws MessagingException, IOException {
        ContentType type = contentType(part);
        String base = type.getBaseType().toLowerCase(Locale.ROOT);
        if (base.startsWith("multipart/")) {
            if (depth >= DEPTH_MAX) {
                throw new MessagingException("its parts are nested more than " + DEPTH_MAX + " deep");
            }
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child, texts, attachments, depth + 1);
                }
            }
            return;
        }
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        if (!attached && base.equals("text/plain") && texts.plain == null) {
            texts.plain = text(part, type);
            return;
        }
        if (!attached && base.equals("text/html") && texts.html == null) {
            texts.html = text(part, type);
            return;
        }
        if (!attached && base.startsWith("text/")) {
            return; // another text alternative (text/calendar, text/enriched): the plain or HTML one is read
        }
        if (attachments.size() > Attachments.MAX) {
            return; // listed: the first ones
        }
        String name = part.getFileName();
        if (name != null) {
            try {
                name = MimeUtility.decodeText(name);
            } catch (UnsupportedEncodingException e) {
                // the name as it came
            }
        }
        attachments.add(new Attachment(name == null ? null : clean(name), base, size(part)));
    }

    private static ContentType contentType(Part part) throws MessagingException {
        try {
            String header = part.getContentType();
            return new ContentType(header == null ? "text/plain" : header);
        } catch (MessagingException e) {
            return new ContentType("application/octet-stream"); // an unreadable type: kept as a file
        }
    }

    /**
     * A text part in its charset (decoded from its transfer encoding). Without a charset it is UTF-8 when it reads as
     * UTF-8; text labelled US-ASCII or ISO-8859-1, or with an unknown charset, is read as windows-1252, which mail
     * programs often mean by them and which reads both.
     */
    private static String text(Part part, ContentType type) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        String charset = type.getParameter("charset");
        if (charset == null || charset.isBlank()) {
            try {
                return StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (CharacterCodingException e) {
                return new String(bytes, WINDOWS_1252);
            }
        }
        Charset cs;
        try {
            cs = Charset.forName(MimeUtility.javaCharset(charset.strip()));
        } catch (IllegalArgumentException e) {
            cs = WINDOWS_1252;
        }
        if (cs.equals(StandardCharsets.US_ASCII) || cs.equals(StandardCharsets.ISO_8859_1)) {
            cs = WINDOWS_1252;
        }
        return new String(bytes, cs);
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static long size(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** An HTML mail as readable text: blocks on lines of their own, quoted earlier mails left out. */
    static String htmlToText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("blockquote[type=cite], .gmail_quote, #appendonsend, #divRplyFwdMsg, #divRplyFwdMsg ~ *, "
                        + "script, style, head")
                .remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode t) {
                            out.append(t.text());
                        } else if (node instanceof Element e) {
                            if (e.normalName().equals("br")) {
                                out.append('\n');
                            } else if (e.isBlock() || e.normalName().equals("li")) {
                                newline(out);
                            }
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element e
                                && (e.isBlock() || e.normalName().equals("li"))) {
                            newline(out);
                        }
                    }
                },
                doc.body());
        return out.toString();
    }

    private static void newline(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    /**
     * The customer's own words: without the quoted mail they answer (from the line that introduces it, or the
     * {@code >} lines) and without a signature after {@code "-- "}; the whole text when nothing would be left.
     */
    static String trimQuoted(String text) {
        String own = text;
        Matcher header = QUOTE_HEADER.matcher(own);
        if (header.find()) {
            own = own.substring(0, header.start());
        }
        StringBuilder kept = new StringBuilder();
        for (String line : own.split("\n", -1)) {
            if (line.equals("-- ") || line.equals("--")) {
                break;
            }
            if (!line.startsWith(">")) {
                kept.append(line).append('\n');
            }
        }
        String result = kept.toString().replaceAll("\n{3,}", "\n\n").strip();
        return result.isEmpty() ? text.strip() : result;
    }

    /**
     * Without control characters but line breaks and tabs, without bidirectional overrides, with {@code \n} line
     * ends and trailing spaces removed.
     */
    static String clean(String s) {
        String unified = s.replace("\r\n", "\n").replace('\r', '\n').replace('\u00a0', ' ');
        String visible = BIDI.matcher(unified).replaceAll("").replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "");
        return visible.replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n");
    }

    private static String oneLine(String s) {
        String flat = s.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }
}
