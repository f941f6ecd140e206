package io.ticketrouter.application.internal;

import io.ticketrouter.application.IncomingMail;
import io.ticketrouter.application.MailIntake;
import io.ticketrouter.application.MailSettings;
import io.ticketrouter.application.OutgoingMail;
import io.ticketrouter.application.ProductionMetrics;
import io.ticketrouter.application.TicketChanged;
import io.ticketrouter.application.TicketView;
import io.ticketrouter.domain.model.ticket.Attachments;
import io.ticketrouter.domain.model.ticket.Ticket;
import io.ticketrouter.domain.model.ticket.TicketReference;
import io.ticketrouter.security.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * A customer's mail: a reply joins the ticket it answers, a new mail is classified and routed like a portal ticket
 * (outside any transaction) and stored with its {@code Message-ID} and the acknowledgement, in one transaction. Two
 * polls that read the same mail, even on two members, take it once ({@link TicketTransactions#addFromMail}).
 */
@ApplicationScoped
public class DefaultMailIntake implements MailIntake {

    @Inject
    DefaultTicketService tickets;

    @Inject
    TicketTransactions transactions;

    @Inject
    MailSettings settings;

    @Inject
    ProductionMetrics metrics;

    @Override
    public Taken take(IncomingMail mail) {
        if (transactions.mailTaken(mail.messageId())) {
            return new Taken(Taken.Result.EARLIER, null);
        }
        TicketReference named = CustomerMails.subjectReference(mail.subject());
        Optional<TicketReference> thread = transactions.thread(mail.references(), named, mail.fromAddress());
        if (thread.isPresent()) {
            String text = messageText(mail);
            TicketTransactions.Updated added =
                    TicketConflicts.retrying(() -> transactions.addCustomerMessage(thread.get(), mail, text));
            if (added == null) {
                return new Taken(Taken.Result.EARLIER, thread.get().value());
            }
            tickets.publish(TicketChanged.Kind.UPDATED, added.ticket());
            return new Taken(Taken.Result.ADDED, added.ticket().reference());
        }
        Ticket ticket = tickets.classifyAndRoute(ReceivedContent.of(
                mail.subject(), mail.text(), mail.fromName(), mail.fromAddress(), "(the mail has no text)"));
        ticket.cameByMail(new Attachments(mail.attachments()));
        String statusToken = Tokens.statusToken();
        ticket.keepStatusTokenDigest(Tokens.digest(statusToken));
        TicketTransactions.Intake intake =
                transactions.addFromMail(ticket, mail.messageId(), view -> ack(view, statusToken, mail));
        if (!intake.created()) {
            return new Taken(Taken.Result.EARLIER, intake.ticket().reference());
        }
        TicketView view = intake.ticket();
        metrics.ticketClassified(view.finalQueue(), view.finalPriority(), view.needsReview());
        tickets.publish(TicketChanged.Kind.CREATED, view);
        return new Taken(Taken.Result.CREATED, view.reference());
    }

    /** A customer's further message as the history keeps it: the text, and the files it carried by name. */
    static String messageText(IncomingMail mail) {
        String text = ReceivedContent.clean(mail.text()).strip();
        if (!mail.attachments().isEmpty()) {
            text += (text.isEmpty() ? "" : "\n\n") + "(attached: "
                    + String.join(
                            ", ", mail.attachments().stream().map(a -> a.name()).toList())
                    + ")";
        }
        if (text.isEmpty()) {
            text = "(the mail has no text)";
        }
        return text.length() <= Ticket.BODY_MAX ? text : text.substring(0, Ticket.BODY_MAX - 1) + "\u2026";
    }

    private OutgoingMail ack(TicketView view, String statusToken, IncomingMail mail) {
        if (!settings.sending() || !settings.acknowledge() || view.customerEmail() == null) {
            return null;
        }
        return CustomerMails.acknowledgement(view, statusToken, mail, settings);
    }
}
