package io.ticketrouter.application;

/**
 * A ticket as a customer submits it (validated by the interface layer: lengths, e-mail shape).
 *
 * @param channel how it came in: {@link #PORTAL} (the portal page) or {@link #API}
 */
public record NewTicket(String subject, String body, String customerName, String customerEmail, String channel) {

    public static final String PORTAL = "portal";
    public static final String API = "api";

    public NewTicket {
        channel = PORTAL.equals(channel) ? PORTAL : API;
    }
}
