/**
 * Cluster-wide dashboard pushes: a change made on one member reaches the dashboards connected to every member.
 *
 * <p>Data flow: a ticket is created, corrected or deleted (or a model swapped) on member A → the application fires
 * {@link io.ticketrouter.application.TicketChanged} / {@link io.ticketrouter.application.ModelChanged} (asynchronous,
 * after the commit) → {@code interfaces.websocket.TicketBroadcaster} serializes it once to the dashboard JSON, sends
 * it to A's own dashboard sessions and hands the same text to the {@link io.ticketrouter.application.ClusterTransport}
 * → the transport carries it (as a serializable {@link io.ticketrouter.infrastructure.cluster.ClusterMessage}: the
 * text plus A's member id) to members B, C … → each of them hands it to its broadcaster, which sends it to its own
 * sessions only. A received message is never published again, and a member never receives its own message, so each
 * dashboard gets each change exactly once.
 *
 * <p>Implementations: {@link io.ticketrouter.infrastructure.cluster.LocalOnlyTransport} (the default: one instance,
 * or any Jakarta EE 10 server) and {@code payara.PayaraClusterTransport} (Payara's clustered CDI events
 * {@code @Outbound} / {@code @Inbound} over the Hazelcast data grid, selected as a CDI alternative with a priority).
 *
 * <p><b>Why the WAR still deploys without the Payara API.</b> {@code fish.payara.api:payara-api} is a provided
 * dependency: on WildFly, Open Liberty or GlassFish its classes are missing, and a CDI container that introspects
 * {@code PayaraClusterTransport} (its fields are typed with Payara classes) would fail the deployment. The WAR's
 * {@code WEB-INF/beans.xml} therefore excludes {@code io.ticketrouter.infrastructure.cluster.payara.*} from bean
 * discovery with {@code <if-class-not-available name="fish.payara.micro.cdi.Outbound"/>}. That is the standard CDI
 * (since 1.1) way to do it and was chosen over a portable extension that vetoes the bean: an exclusion filter is
 * applied to the class <em>name</em> before the class is loaded or reflected on, whereas a
 * {@code ProcessAnnotatedType} observer only runs after the container has already built the annotated type, i.e.
 * after it has resolved the Payara field types; it is also declarative and needs no service registration. No other
 * class refers to the Payara package, so nothing else loads it. On Payara itself, {@code PayaraClusterTransport}
 * looks the Payara beans up through {@code Instance} and falls back to sending nothing when they are missing or the
 * server runs without a data grid.
 *
 * <p>Depends on CDI and, in {@code .payara} only, the Payara API; used by {@code interfaces.websocket}.
 */
package io.ticketrouter.infrastructure.cluster;
