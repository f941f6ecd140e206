package io.ticketrouter.application;

/**
 * Customers' mails to the support address. A new mail becomes a ticket, classified and routed like any other (and
 * acknowledged when outgoing mail is on); a reply to one of our mails, or a mail whose subject names a ticket of the
 * same sender ({@code [TR-000123]}), joins that ticket's history instead (a resolved ticket opens again). A mail is
 * taken once, by its {@code Message-ID}, however often it is read.
 */
public interface MailIntake {

    /**
     * @throws ModelUnavailableException when no model is loaded: the mail stays where it is, to be read again
     */
    Taken take(IncomingMail mail);

    /** What became of a mail, and the ticket it went to. */
    record Taken(Result result, String reference) {

        public enum Result {
            /** A new ticket. */
            CREATED,
            /** The customer's message joined the history of an existing ticket. */
            ADDED,
            /** The mail was taken before: nothing changed. */
            EARLIER
        }
    }
}
