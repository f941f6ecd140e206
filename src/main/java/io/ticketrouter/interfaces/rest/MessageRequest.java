package io.ticketrouter.interfaces.rest;

/**
 * A request that carries a ticket's text: an optional subject and the message, as {@code body} or as its alias
 * {@code text} (the field name clients of the earlier service send).
 */
@MessageGiven
interface MessageRequest {

    String subject();

    String body();

    String text();

    /** The subject as it is stored: in NFC, empty when none was given. */
    default String subjectLine() {
        return subject() == null ? "" : InputRules.normalize(subject());
    }

    /** The message as it is stored: {@code body}, else {@code text}, in NFC. */
    default String message() {
        return InputRules.normalize(body() != null ? body() : text());
    }
}
