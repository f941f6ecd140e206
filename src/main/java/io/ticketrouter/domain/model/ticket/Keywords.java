package io.ticketrouter.domain.model.ticket;

import java.util.List;

/** The words of a ticket that drove its predicted queue, strongest first (stored as one JSON column). */
public record Keywords(List<Keyword> list) {

    public Keywords {
        list = list == null ? List.of() : List.copyOf(list);
    }
}
