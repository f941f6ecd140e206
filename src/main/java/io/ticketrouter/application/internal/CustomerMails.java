package io.ticketrouter.application.internal;

import io.ticketrouter.application.IncomingMail;
import io.ticketrouter.application.MailSettings;
import io.ticketrouter.application.OutgoingMail;
import io.ticketrouter.application.TicketView;
import io.ticketrouter.domain.model.ticket.TicketMail;
import io.ticketrouter.domain.model.ticket.TicketReference;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mails Ticket Router writes to customers: the acknowledgement of a new ticket, in the ticket's language (English,
 * German, Spanish, French or Portuguese; English for others), and an agent's reply. Both have the subject
 * {@code [TR-000123] Re: <subject>}, so a reply finds its ticket even where a mail program drops the thread headers.
 */
final class CustomerMails {

    /** {@code [TR-000123]} anywhere in a subject. */
    private static final Pattern SUBJECT_REFERENCE = Pattern.compile("\\[(TR-[0-9]{6,18})]", Pattern.CASE_INSENSITIVE);

    /** Thread ids a reply carries at most in {@code References}. */
    private static final int REFERENCES_MAX = 10;

    /** The acknowledgement's words per language: greeting, received, team, link, access code, reply, closing. */
    private static final Map<String, String[]> ACK = Map.of(
            "en",
            new String[] {
                "Hello %s,",
                "Thank you for your message. We have received it as ticket %s.",
                "It has gone to our %s team, who will answer you as soon as they can.",
                "You can follow your ticket here: %s",
                "To look it up on our support page, use the reference %s and the access code %s.",
                "To add something, reply to this e-mail and keep %s in the subject.",
                "Your support team"
            },
            "de",
            new String[] {
                "Hallo %s,",
                "vielen Dank für Ihre Nachricht. Wir haben sie als Ticket %s erhalten.",
                "Sie ist bei unserem Team %s, das Ihnen so bald wie möglich antwortet.",
                "Hier können Sie Ihr Ticket verfolgen: %s",
                "Auf unserer Support-Seite finden Sie es mit der Referenz %s und dem Zugangscode %s.",
                "Wenn Sie etwas ergänzen möchten, antworten Sie auf diese E-Mail und lassen Sie %s im Betreff stehen.",
                "Ihr Support-Team"
            },
            "es",
            new String[] {
                "Hola, %s:",
                "Gracias por su mensaje. Lo hemos recibido como el ticket %s.",
                "Lo atenderá nuestro equipo de %s, que le responderá lo antes posible.",
                "Puede seguir su ticket aquí: %s",
                "Para consultarlo en nuestra página de soporte, use la referencia %s y el código de acceso %s.",
                "Para añadir algo, responda a este correo y mantenga %s en el asunto.",
                "Su equipo de soporte"
            },
            "fr",
            new String[] {
                "Bonjour %s,",
                "Merci pour votre message. Nous l'avons bien reçu sous le ticket %s.",
                "Il a été transmis à notre équipe %s, qui vous répondra dès que possible.",
                "Vous pouvez suivre votre ticket ici : %s",
                "Pour le retrouver sur notre page d'assistance, utilisez la référence %s et le code d'accès %s.",
                "Pour ajouter quelque chose, répondez à cet e-mail en gardant %s dans l'objet.",
                "Votre équipe d'assistance"
            },
            "pt",
            new String[] {
                "Olá, %s,",
                "Obrigado pela sua mensagem. Recebemo-la como o ticket %s.",
                "Foi encaminhada para a nossa equipa de %s, que lhe responderá assim que possível.",
                "Pode acompanhar o seu ticket aqui: %s",
                "Para o consultar na nossa página de suporte, use a referência %s e o código de acesso %s.",
                "Para acrescentar algo, responda a este e-mail e mantenha %s no assunto.",
                "A sua equipa de suporte"
            });

    /** The greeting when the mail gave no name. */
    private static final Map<String, String> NAMELESS =
            Map.of("en", "Hello,", "de", "Guten Tag,", "es", "Hola:", "fr", "Bonjour,", "pt", "Olá,");

    private CustomerMails() {}

    /** The ticket a subject names ({@code [TR-000123]}), or null. */
    static TicketReference subjectReference(String subject) {
        if (subject == null) {
            return null;
        }
        Matcher m = SUBJECT_REFERENCE.matcher(subject);
        while (m.find()) {
            if (TicketReference.isValid(m.group(1))) { // not TR-000000, not a number too large
                return TicketReference.parse(m.group(1));
            }
        }
        return null;
    }

    /** {@code [TR-000123] Re: <subject>}, without a second tag or a second "Re:". */
    static String subject(String reference, String subject) {
        String rest = subject == null
                ? ""
                : SUBJECT_REFERENCE.matcher(subject).replaceAll("").strip();
        while (rest.regionMatches(true, 0, "re:", 0, 3)) {
            rest = rest.substring(3).strip();
        }
        return "[" + reference + "] Re: " + rest;
    }

    /** The acknowledgement of a new ticket a customer's mail made. */
    static OutgoingMail acknowledgement(
            TicketView ticket, String statusToken, IncomingMail mail, MailSettings settings) {
        String language = ACK.containsKey(ticket.language()) ? ticket.language() : "en";
        String[] words = ACK.get(language);
        String reference = ticket.reference();
        StringBuilder text = new StringBuilder();
        text.append(
                        mail.fromName() == null || mail.fromName().isBlank()
                                ? NAMELESS.get(language)
                                : String.format(
                                        Locale.ROOT, words[0], mail.fromName().strip()))
                .append("\n\n");
        text.append(String.format(Locale.ROOT, words[1], reference)).append('\n');
        text.append(String.format(Locale.ROOT, words[2], ticket.finalQueue())).append("\n\n");
        if (settings.publicUrl() != null) {
            text.append(String.format(Locale.ROOT, words[3], statusLink(settings.publicUrl(), reference, statusToken)))
                    .append('\n');
        }
        text.append(String.format(Locale.ROOT, words[4], reference, statusToken))
                .append("\n\n");
        text.append(String.format(Locale.ROOT, words[5], "[" + reference + "]")).append("\n\n");
        text.append("-- \n").append(words[6]).append('\n');
        List<String> references = new ArrayList<>(mail.references());
        java.util.Collections.reverse(references); // nearest first as read; oldest first in the header
        references.add(mail.messageId());
        return new OutgoingMail(
                messageId(settings.from()),
                mail.fromAddress(),
                mail.fromName(),
                subject(reference, mail.subject()),
                text.toString(),
                mail.messageId(),
                last(references),
                true);
    }

    /** An agent's reply, answering the customer's last mail of the thread. */
    static OutgoingMail reply(TicketView ticket, String text, List<TicketMail> thread, MailSettings settings) {
        String inReplyTo = null;
        List<String> references = new ArrayList<>(thread.size());
        for (TicketMail m : thread) {
            references.add(m.messageId());
            if (m.incoming()) {
                inReplyTo = m.messageId();
            }
        }
        return new OutgoingMail(
                messageId(settings.from()),
                ticket.customerEmail(),
                ticket.customerName(),
                subject(ticket.reference(), ticket.subject()),
                text.endsWith("\n") ? text : text + "\n",
                inReplyTo,
                last(references),
                false);
    }

    /**
     * The portal's status page for the ticket. The access code is in the fragment, which browsers never send to a
     * server, so it ends up in no access log or proxy.
     */
    static String statusLink(String publicUrl, String reference, String statusToken) {
        String base = publicUrl.strip().replaceAll("/+$", "");
        return base + "/#status=" + reference + "&code=" + URLEncoder.encode(statusToken, StandardCharsets.UTF_8);
    }

    /** A new {@code Message-ID} in the support address's domain. */
    static String messageId(String from) {
        int at = from == null ? -1 : from.lastIndexOf('@');
        String domain = at < 0 || at == from.length() - 1 ? "ticketrouter.invalid" : from.substring(at + 1);
        return "<" + UUID.randomUUID() + ".tr@" + domain + ">";
    }

    private static List<String> last(List<String> ids) {
        return ids.size() <= REFERENCES_MAX ? ids : ids.subList(ids.size() - REFERENCES_MAX, ids.size());
    }
}
