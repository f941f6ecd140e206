package io.ticketrouter.examples.routing;

import io.ticketrouter.spi.AbstractRoutingRule;
import io.ticketrouter.spi.PluginContext;
import io.ticketrouter.spi.RoutingApi;
import io.ticketrouter.spi.RoutingChange;
import io.ticketrouter.spi.RoutingRequest;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tickets that mention an invoice, in English, German, Spanish, French or Portuguese, go to Billing and Payments.
 * The rule clears "needs review": an invoice question is not ambiguous, whatever the model's confidence.
 *
 * <p>Configuration: {@code queue} (default {@code Billing and Payments}).
 */
public final class InvoiceRule extends AbstractRoutingRule {

    /** Whole words; German compounds such as "Rechnungsnummer" included; "nota fiscal" across any whitespace. */
    private static final Pattern INVOICE = Pattern.compile(
            "\\b(invoices?|invoiced|rechnung\\w*|factura[s]?|facture[s]?|fatura[s]?|nota\\s+fiscal)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    private String queue = "Billing and Payments";

    public InvoiceRule() {
        super("invoices-to-billing", RoutingApi.VERSION, 100, Set.of("queue"));
    }

    @Override
    public void configure(PluginContext context) {
        queue = context.get("queue", queue);
        if (!context.queues().isEmpty() && !context.queues().contains(queue)) {
            throw new IllegalArgumentException("queue must be one of " + context.queues() + ", got '" + queue + "'");
        }
    }

    @Override
    public RoutingChange apply(RoutingRequest request) {
        Matcher matcher = INVOICE.matcher(request.ticket().text());
        if (!matcher.find()) {
            return RoutingChange.NONE;
        }
        String word = matcher.group().replaceAll("\\s+", " ");
        RoutingChange change = RoutingChange.because("mentions \"" + word + "\": invoices go to " + queue);
        if (!queue.equals(request.queue())) {
            change = change.queue(queue);
        }
        return request.needsReview() ? change.needsReview(false) : change;
    }
}
