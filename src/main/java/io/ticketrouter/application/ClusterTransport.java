package io.ticketrouter.application;

import java.util.function.Consumer;

/**
 * Carries dashboard messages (already serialized JSON text) from this member to every other member of the cluster.
 *
 * <p>Contract, whatever the implementation:
 * <ul>
 *   <li>{@link #publish(String)} never blocks the caller for long and never throws: a change is delivered to this
 *       member's own dashboards by the caller, not through the transport;</li>
 *   <li>a message published here is never handed back to this member's {@link #subscribe subscriber} (no double
 *       delivery on the member where the change happened);</li>
 *   <li>a received message is only handed to the local subscriber, never published again (no relay loops).</li>
 * </ul>
 *
 * <p>A port of the dashboard feed, implemented in {@code io.ticketrouter.infrastructure.cluster}:
 * {@code LocalOnlyTransport} is the default (a single instance, or any Jakarta EE 10 server);
 * {@code payara.PayaraClusterTransport} replaces it on Payara, using Payara's clustered CDI events.
 */
public interface ClusterTransport {

    /** Sends the text to the other members, if there are any; returns at once. */
    void publish(String text);

    /** Sets who receives the texts that other members published (one receiver: the dashboard broadcaster). */
    void subscribe(Consumer<String> receiver);

    /** This member's name as shown to users (Payara's instance name), or null on a single instance. */
    String memberName();

    /** A one-line description for the log: which transport, and whether it is connected to a cluster. */
    String describe();
}
