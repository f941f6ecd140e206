package io.ticketrouter.domain.model.ticket;

import java.util.Objects;

/** A file a customer's mail carried: listed with the ticket (name, media type, size in bytes), never stored. */
public record Attachment(String name, String type, long size) {

    /** Longest name kept; longer ones are cut. */
    public static final int NAME_MAX = 200;

    public Attachment {
        Objects.requireNonNull(type, "type");
        name = name == null || name.isBlank() ? "(no name)" : name.strip();
        if (name.length() > NAME_MAX) {
            name = name.substring(0, NAME_MAX);
        }
        if (size < 0) {
            throw new IllegalArgumentException("an attachment's size is not negative");
        }
    }
}
