package io.ticketrouter.routing;

import io.ticketrouter.classification.Prediction;
import java.util.Objects;

/**
 * One ticket to route.
 *
 * @param subject       may be null
 * @param body          the message
 * @param senderAddress the customer's e-mail address, null when not given
 * @param prediction    the model's prediction; its probability maps name the queues and priorities rules may use
 */
public record RoutingInput(String subject, String body, String senderAddress, Prediction prediction) {

    public RoutingInput {
        Objects.requireNonNull(prediction, "prediction");
        subject = subject == null ? "" : subject;
        body = body == null ? "" : body;
    }
}
