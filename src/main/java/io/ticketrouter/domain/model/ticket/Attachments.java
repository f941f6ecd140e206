package io.ticketrouter.domain.model.ticket;

import java.util.List;

/** The files a customer's mail carried (stored as one JSON column; the files themselves are not kept). */
public record Attachments(List<Attachment> list) {

    /** Most attachments listed with one ticket; a mail with more lists the first ones. */
    public static final int MAX = 20;

    public Attachments {
        list = list == null ? List.of() : List.copyOf(list.size() > MAX ? list.subList(0, MAX) : list);
    }
}
