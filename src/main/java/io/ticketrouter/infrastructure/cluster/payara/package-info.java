/**
 * The Payara implementation of {@link io.ticketrouter.application.ClusterTransport} (clustered CDI
 * events). Only this package refers to {@code fish.payara.*}; {@code WEB-INF/beans.xml} leaves it out of bean
 * discovery when the Payara API is not on the class path, so the WAR deploys on other Jakarta EE 10 servers.
 */
package io.ticketrouter.infrastructure.cluster.payara;
