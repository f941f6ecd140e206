package io.ticketrouter.application;

/**
 * The e-mail channel as the use cases see it ({@code ticketrouter.mail.*}).
 *
 * @param sending     whether outgoing mail is configured (acknowledgements and agents' replies)
 * @param from        the support address our mails come from (also the address whose mails are never taken)
 * @param acknowledge whether a new ticket from a mail is acknowledged to the customer
 * @param publicUrl   the portal's address, for the status link in acknowledgements, or null (no link then)
 */
public record MailSettings(boolean sending, String from, boolean acknowledge, String publicUrl) {

    /** Outgoing mail is off. */
    public static MailSettings off(String publicUrl) {
        return new MailSettings(false, null, false, publicUrl);
    }
}
