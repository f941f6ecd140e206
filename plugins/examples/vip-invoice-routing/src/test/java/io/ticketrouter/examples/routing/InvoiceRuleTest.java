package io.ticketrouter.examples.routing;

import static io.ticketrouter.examples.routing.Requests.context;
import static io.ticketrouter.examples.routing.Requests.request;
import static io.ticketrouter.examples.routing.Requests.ticket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.spi.RoutingChange;
import io.ticketrouter.spi.RoutingRequest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** invoices-to-billing: tickets that mention an invoice go to Billing and Payments, without a review. */
class InvoiceRuleTest {

    private static final String BILLING = "Billing and Payments";

    private static InvoiceRule configured(Map<String, String> values) {
        return Requests.configured(new InvoiceRule(), values);
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en | Where is my invoice for March?                 | invoice",
                "en | Both INVOICES are wrong.                        | INVOICES",
                "en | We were invoiced twice this month.              | invoiced",
                "de | Bitte senden Sie die Rechnung erneut.           | Rechnung",
                "de | Die Rechnungsnummer fehlt auf dem Beleg.        | Rechnungsnummer",
                "de | Zwei Rechnungen für denselben Monat?            | Rechnungen",
                "es | No recibí la factura de abril.                  | factura",
                "es | Las facturas llegan duplicadas.                 | facturas",
                "fr | Je n'ai pas reçu ma facture.                    | facture",
                "fr | Vos factures sont fausses.                      | factures",
                "pt | Não recebi a fatura de maio.                    | fatura",
                "pt | Preciso da nota fiscal do pedido.               | nota fiscal",
            })
    void anInvoiceInAnyLanguageGoesToBillingAndSaysWhichWord(String language, String body, String word) {
        RoutingChange change =
                configured(Map.of()).apply(request(ticket(language, "", body), "Technical Support", "medium"));
        assertEquals(Optional.of(BILLING), change.newQueue());
        assertEquals(Optional.of("mentions \"" + word + "\": invoices go to Billing and Payments"), change.reason());
        assertEquals(Optional.empty(), change.newPriority(), "the priority is not the rule's business");
        assertEquals(Optional.empty(), change.newNeedsReview(), "nobody asked for a review, nothing to clear");
    }

    @Test
    void theWordMayBeInTheSubjectOnly() {
        RoutingChange change = configured(Map.of())
                .apply(request(ticket("en", "Invoice 2024-117", "Please look into it."), "Customer Service", "low"));
        assertEquals(Optional.of(BILLING), change.newQueue());
    }

    @Test
    void aPhraseMayBeBrokenAcrossLines() {
        RoutingChange change = configured(Map.of())
                .apply(request(
                        ticket("pt", "", "Ainda não recebi a nota\n  fiscal do pedido."), "Customer Service", "low"));
        assertEquals(Optional.of(BILLING), change.newQueue());
        assertEquals(
                Optional.of("mentions \"nota fiscal\": invoices go to Billing and Payments"),
                change.reason(),
                "the reason agents read is on one line");
    }

    @Test
    void aReviewAskedForByAnEarlierRuleIsCleared() {
        RoutingRequest unsure = request(ticket("en", "", "Your invoice is wrong."), "Customer Service", "medium", true);
        RoutingChange change = configured(Map.of()).apply(unsure);
        assertEquals(Optional.of(BILLING), change.newQueue());
        assertEquals(Optional.of(false), change.newNeedsReview());
    }

    @Test
    void aTicketAlreadyInBillingIsConfirmedWithoutAChange() {
        RoutingChange change =
                configured(Map.of()).apply(request(ticket("en", "", "Your invoice is wrong."), BILLING, "medium"));
        assertEquals(
                Optional.of("mentions \"invoice\": invoices go to Billing and Payments"),
                change.reason(),
                "the routing record shows the rule fired, with 'no change'");
        assertEquals(Optional.empty(), change.newQueue());
        assertEquals(Optional.empty(), change.newNeedsReview());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "My printer does not print.",
                "Die Berechnung der Versandkosten stimmt nicht.", // "rechnung" inside another word
                "Die Abrechnung ist unklar.",
                "Invoicing software demo, please.", // not one of the listed forms
                "La facturación electrónica no funciona.",
                "Le montant a été facturé deux fois.",
                "O faturamento do mês atrasou.",
                "The subinvoice module crashed.",
                "Nota: o sistema fiscal caiu.",
                "",
            })
    void otherTicketsAreLeftAlone(String body) {
        RoutingChange change =
                configured(Map.of()).apply(request(ticket("en", "", body), "Technical Support", "medium", true));
        assertTrue(change.isNone(), change::toString);
    }

    @Test
    void theQueueIsConfigurable() {
        RoutingChange change = configured(Map.of("queue", " Customer Service "))
                .apply(request(ticket("en", "", "Where is my invoice?"), "Technical Support", "medium"));
        assertEquals(Optional.of("Customer Service"), change.newQueue());
        assertEquals(Optional.of("mentions \"invoice\": invoices go to Customer Service"), change.reason());
    }

    @Test
    void aBlankQueueSettingKeepsTheDefault() {
        RoutingChange change = configured(Map.of("queue", "  "))
                .apply(request(ticket("en", "", "Where is my invoice?"), "Technical Support", "medium"));
        assertEquals(Optional.of(BILLING), change.newQueue());
    }

    @Test
    void aQueueTheModelDoesNotKnowIsRefusedWithTheKnownOnes() {
        InvoiceRule rule = new InvoiceRule();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> rule.configure(context(
                        rule.configurationKeys(),
                        Map.of("queue", "Billing"),
                        Set.of(BILLING, "Customer Service"),
                        Requests.PRIORITIES)));
        assertTrue(
                e.getMessage().startsWith("queue must be one of [")
                        && e.getMessage().endsWith("], got 'Billing'"),
                e.getMessage());
        assertTrue(e.getMessage().contains(BILLING) && e.getMessage().contains("Customer Service"), e.getMessage());
    }

    @Test
    void withoutAModelAnyQueueIsAccepted() {
        InvoiceRule rule = new InvoiceRule();
        rule.configure(context(rule.configurationKeys(), Map.of("queue", "Accounts"), Set.of(), Set.of()));
        assertEquals(
                Optional.of("Accounts"),
                rule.apply(request(ticket("en", "", "An invoice question."), "Technical Support", "medium"))
                        .newQueue());
    }
}
