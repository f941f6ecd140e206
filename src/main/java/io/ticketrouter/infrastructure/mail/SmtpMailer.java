package io.ticketrouter.infrastructure.mail;

import io.ticketrouter.application.OutgoingMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * Sends the outbox's mails to customers by SMTP: plain text in UTF-8, from the support address, with the
 * {@code Message-ID} the outbox recorded (so a mail sent again after a crash is the same mail) and the thread's
 * {@code In-Reply-To} and {@code References}; an acknowledgement says {@code Auto-Submitted: auto-replied}, so
 * the customer's out-of-office does not answer it.
 */
@ApplicationScoped
public class SmtpMailer {

    @Inject
    MailChannel channel;

    /** Whether outgoing mail is configured. */
    public boolean sending() {
        return channel.sending();
    }

    /**
     * Sends one mail; returns null when the server took it, else what went wrong.
     *
     * @throws IllegalStateException when outgoing mail is not configured
     */
    public String send(OutgoingMail mail) {
        if (!channel.sending()) {
            throw new IllegalStateException("outgoing mail is not configured");
        }
        MailChannel.Server smtp = channel.smtp();
        Session session = Session.getInstance(smtp.properties());
        try {
            MimeMessage message = message(session, mail, channel.from());
            Transport transport = session.getTransport(smtp.protocol());
            try {
                transport.connect(smtp.host(), smtp.port(), smtp.user(), smtp.password());
                transport.sendMessage(message, message.getAllRecipients());
            } finally {
                transport.close();
            }
            return null;
        } catch (SendFailedException e) {
            return "the mail server refused the mail: " + oneLine(e);
        } catch (MessagingException e) {
            return smtp.shown() + " cannot be reached or refused the mail: " + oneLine(e);
        }
    }

    /** The mail as it goes out. */
    static MimeMessage message(Session session, OutgoingMail mail, String from) throws MessagingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", mail.messageId()); // ours, the same at every attempt
            }
        };
        try {
            message.setFrom(new InternetAddress(from, null, StandardCharsets.UTF_8.name()));
            message.setRecipient(
                    Message.RecipientType.TO,
                    new InternetAddress(mail.to(), mail.toName(), StandardCharsets.UTF_8.name()));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e); // UTF-8 is always there
        }
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setText(mail.text(), StandardCharsets.UTF_8.name());
        if (mail.inReplyTo() != null) {
            message.setHeader("In-Reply-To", mail.inReplyTo());
        }
        if (!mail.references().isEmpty()) {
            message.setHeader("References", String.join(" ", mail.references()));
        }
        if (mail.autoReply()) {
            message.setHeader("Auto-Submitted", "auto-replied");
            message.setHeader("X-Auto-Response-Suppress", "All");
        }
        message.saveChanges();
        return message;
    }

    private static String oneLine(Exception e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null) {
            text += " (" + cause.getMessage() + ")";
        }
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
