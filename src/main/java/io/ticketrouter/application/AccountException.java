package io.ticketrouter.application;

/** A user-management request that cannot be carried out: no such user, or it would break a rule. */
public class AccountException extends RuntimeException {

    /** Why. */
    public enum Kind {
        /** The user does not exist. */
        NOT_FOUND,
        /** The name is taken, or the change would leave no administrator. */
        CONFLICT
    }

    private final Kind kind;

    public AccountException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
