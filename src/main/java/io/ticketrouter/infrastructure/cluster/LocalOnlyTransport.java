package io.ticketrouter.infrastructure.cluster;

import io.ticketrouter.application.ClusterTransport;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Consumer;

/**
 * The default transport: there is no other member, so nothing is sent and nothing is received. Used on a single
 * instance and on servers without Payara's clustered CDI events.
 */
@ApplicationScoped
public class LocalOnlyTransport implements ClusterTransport {

    @Override
    public void publish(String text) {
        // no other member
    }

    @Override
    public void subscribe(Consumer<String> receiver) {
        // nothing will ever arrive
    }

    @Override
    public String memberName() {
        return null;
    }

    @Override
    public String describe() {
        return "local only (no cluster transport on this server)";
    }
}
