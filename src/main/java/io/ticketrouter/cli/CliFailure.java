package io.ticketrouter.cli;

/** A failure whose message is already the one-line reason for the user; the command exits with 1 after it. */
final class CliFailure extends Exception {

    CliFailure(String message) {
        super(message);
    }

    /** The text on one line: line breaks and the blanks around them become one space. */
    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
