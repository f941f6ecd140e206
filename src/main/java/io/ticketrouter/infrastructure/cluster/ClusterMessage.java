package io.ticketrouter.infrastructure.cluster;

import java.io.Serializable;

/**
 * What travels between members: the dashboard message exactly as the origin serialized it, and the id of the member
 * that published it, so a member can recognise (and drop) its own messages should the transport ever loop them back.
 * Only JDK types, so any member that has this class can read it.
 *
 * @param origin the publishing member's id (random per process start, see {@link MemberId})
 * @param text   the JSON text sent to dashboards
 */
public record ClusterMessage(String origin, String text) implements Serializable {

    private static final long serialVersionUID = 1L;
}
