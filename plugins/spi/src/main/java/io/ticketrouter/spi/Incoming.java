package io.ticketrouter.spi;

import java.util.Objects;

/** What {@link HelpdeskConnector#receive(IncomingCall)} found in a call: a ticket, nothing to do, or a forgery. */
public final class Incoming {

    /** The three outcomes. */
    public enum Outcome {
        /** A ticket to classify and route. */
        TICKET,
        /** A genuine call with no new ticket in it (another trigger, a test call): answered 200, nothing stored. */
        IGNORED,
        /** The signature is missing or wrong: answered 401, nothing stored. */
        REFUSED
    }

    private final Outcome outcome;
    private final ExternalTicket ticket;
    private final String reason;

    private Incoming(Outcome outcome, ExternalTicket ticket, String reason) {
        this.outcome = outcome;
        this.ticket = ticket;
        this.reason = reason;
    }

    public static Incoming ticket(ExternalTicket ticket) {
        return new Incoming(Outcome.TICKET, Objects.requireNonNull(ticket, "ticket"), null);
    }

    /** @param reason why the call is not a ticket, said to the helpdesk in the answer */
    public static Incoming ignored(String reason) {
        return new Incoming(Outcome.IGNORED, null, Objects.requireNonNull(reason, "reason"));
    }

    /** @param reason what is wrong with the signature, said to the caller (never the expected value) */
    public static Incoming refused(String reason) {
        return new Incoming(Outcome.REFUSED, null, Objects.requireNonNull(reason, "reason"));
    }

    public Outcome outcome() {
        return outcome;
    }

    /** The ticket, for {@link Outcome#TICKET}; null otherwise. */
    public ExternalTicket ticket() {
        return ticket;
    }

    /** Why, for {@link Outcome#IGNORED} and {@link Outcome#REFUSED}; null otherwise. */
    public String reason() {
        return reason;
    }
}
