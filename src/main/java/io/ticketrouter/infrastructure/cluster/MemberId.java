package io.ticketrouter.infrastructure.cluster;

import java.util.UUID;

/** This process's member id: random per start, so a restarted member is a new member. */
public final class MemberId {

    private static final String ID = UUID.randomUUID().toString();

    private MemberId() {}

    public static String get() {
        return ID;
    }
}
