package io.ticketrouter.routing;

import static io.ticketrouter.routing.TestPlugins.ticket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketrouter.application.PluginStatus;
import io.ticketrouter.spi.RoutingApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingEngineTest {

    @TempDir
    Path temp;

    private RoutingEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private RoutingEngine start(Path pluginDir, Map<String, String> settings) {
        engine = new RoutingEngine(
                RoutingOptions.defaults(pluginDir),
                () -> PluginSettings.of(settings),
                () -> new ModelLabels(
                        java.util.Set.copyOf(TestPlugins.QUEUES), java.util.Set.of("high", "medium", "low")),
                RoutingEngineTest.class.getClassLoader());
        return engine;
    }

    private PluginStatus status(String name) {
        return engine.plugins().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " not listed: " + engine.plugins()));
    }

    /** The status of {@code name}, which must be listed as failed, from {@code source}. */
    private PluginStatus failed(String name, String source) {
        PluginStatus status = status(name);
        assertEquals(PluginStatus.FAILED, status.state(), status.toString());
        assertEquals(source, status.source());
        return status;
    }

    // ------------------------------------------------------------------ built-ins

    @Test
    void builtInsAreLoadedFromTheApplicationClassPath() {
        start(temp.resolve("missing"), Map.of());
        assertEquals(
                List.of("low-confidence", "urgent-keywords"),
                engine.plugins().stream().map(PluginStatus::name).toList());
        engine.plugins().forEach(p -> {
            assertEquals(PluginStatus.ACTIVE, p.state(), p.toString());
            assertEquals("built-in", p.source());
        });
    }

    @Test
    void aConfidentPredictionIsRoutedAsPredicted() {
        RoutingOutcome outcome = start(null, Map.of()).route(ticket("en", "Printer", "The printer shows error 42."));
        assertEquals("Technical Support", outcome.queue());
        assertEquals("medium", outcome.priority());
        assertFalse(outcome.needsReview());
        assertFalse(outcome.urgent());
        assertEquals(List.of(), outcome.fired());
        assertEquals("Route to Technical Support with medium priority.", outcome.recommendation());
    }

    @Test
    void lowConfidenceNeedsReviewWithTheReasonInTheRecommendation() {
        RoutingInput input = new RoutingInput(
                "Question",
                "Something about my account and a product.",
                null,
                TestPlugins.prediction("en", "Customer Service", 0.22, "low"));
        RoutingOutcome outcome = start(null, Map.of()).route(input);
        assertTrue(outcome.needsReview());
        assertEquals(
                List.of(new RoutingOutcome.FiredRule(
                        "low-confidence",
                        "needs review: false -> true",
                        "the model is only 22% sure this belongs to Customer Service, below the 50% review threshold for "
                                + "that queue: check the department before routing")),
                outcome.fired());
        assertTrue(
                outcome.recommendation().startsWith("Needs review: the model is only 22% sure"),
                outcome.recommendation());
    }

    @Test
    void urgentKeywordsInEachOfTheFiveLanguagesForceHighPriority() {
        start(null, Map.of());
        Map<String, String> tickets = Map.of(
                "en", "We think there was a data breach on our customer portal last night.",
                "de", "Seit heute Morgen haben wir einen Totalausfall aller Server.",
                "es", "Hubo una filtración de datos en nuestra cuenta, por favor ayúdenos.",
                "fr", "Notre compte a été piraté hier soir, que faire ?",
                "pt", "O sistema caiu e ninguém consegue trabalhar.");
        tickets.forEach((language, body) -> {
            RoutingOutcome outcome = engine.route(new RoutingInput(
                    "Help", body, null, TestPlugins.prediction(language, "Technical Support", 0.9, "low")));
            assertEquals("high", outcome.priority(), language);
            assertTrue(outcome.urgent(), language);
            RoutingOutcome.FiredRule fired = outcome.fired().get(0);
            assertEquals("urgent-keywords", fired.rule());
            assertEquals("priority: low -> high; urgent", fired.change());
            assertTrue(
                    fired.reason().startsWith("mentions \"") && fired.reason().endsWith("(" + language + ")"),
                    fired.reason());
        });
        assertEquals(5, status("urgent-keywords").fired());
    }

    @Test
    void aKeywordOfAnotherLanguageDoesNotFire() {
        RoutingOutcome outcome = start(null, Map.of())
                .route(ticket("es", "Consulta", "La factura queda pendiente de pago desde marzo."));
        assertFalse(outcome.urgent(), "'queda' is not the Portuguese 'queda do sistema'");
    }

    // ------------------------------------------------------------------ example plugins

    @Test
    void invoiceRuleRoutesToBillingAndSaysWhy() throws IOException {
        start(TestPlugins.directoryWith(temp.resolve("plugins"), TestPlugins.ROUTING_EXAMPLE), Map.of());
        for (String text : List.of(
                "Where is my invoice for March?",
                "Bitte senden Sie die Rechnung erneut.",
                "No recibí la factura de abril.",
                "Je n'ai pas reçu ma facture.",
                "Não recebi a fatura de maio.")) {
            RoutingOutcome outcome = engine.route(ticket("en", "", text));
            assertEquals("Billing and Payments", outcome.queue(), text);
            RoutingOutcome.FiredRule fired = outcome.fired().get(0);
            assertEquals("invoices-to-billing", fired.rule());
            assertEquals("queue: Technical Support -> Billing and Payments", fired.change());
            assertTrue(fired.reason().endsWith(": invoices go to Billing and Payments"), fired.reason());
        }
        PluginStatus invoices = status("invoices-to-billing");
        assertEquals("vip-invoice-routing-1.0.0.jar", invoices.source());
        assertEquals("1.0.0", invoices.version());
        assertEquals(RoutingApi.VERSION, invoices.apiVersion());
        assertEquals(5, invoices.calls());
        assertEquals(5, invoices.fired());
    }

    @Test
    void vipRuleIsConfiguredThroughItsContext() throws IOException {
        start(
                TestPlugins.directoryWith(temp.resolve("plugins"), TestPlugins.ROUTING_EXAMPLE),
                Map.of("vip-senders.domains", "bigcorp.com, @acme.org"));
        Function<String, RoutingOutcome> loginTicketFrom = sender -> engine.route(new RoutingInput(
                "Login",
                "I cannot log in since this morning.",
                sender,
                TestPlugins.prediction("en", "IT Support", 0.9, "low")));
        RoutingOutcome outcome = loginTicketFrom.apply("Ann.Lee@Sales.BigCorp.com");
        assertEquals("high", outcome.priority());
        assertEquals(
                List.of(new RoutingOutcome.FiredRule(
                        "vip-senders", "priority: low -> high", "sender domain sales.bigcorp.com is a VIP customer")),
                outcome.fired());
        RoutingOutcome other = loginTicketFrom.apply("someone@example.com");
        assertEquals("low", other.priority());
    }

    @Test
    void unknownConfigurationKeyFailsThePluginAndNamesTheKnownKeys() throws IOException {
        start(
                TestPlugins.directoryWith(temp.resolve("plugins"), TestPlugins.ROUTING_EXAMPLE),
                Map.of("vip-senders.domain", "bigcorp.com"));
        PluginStatus vip = failed("vip-senders", "vip-invoice-routing-1.0.0.jar");
        assertEquals(
                "unknown configuration key [domain]; plugin 'vip-senders' supports the following keys: "
                        + "[domains, enabled, order, priority]",
                vip.reason());
        assertEquals(PluginStatus.ACTIVE, status("invoices-to-billing").state(), "the rest of the jar loads");
    }

    @Test
    void badConfigurationValueFailsThePluginWithItsMessage() throws IOException {
        start(
                TestPlugins.directoryWith(temp.resolve("plugins"), TestPlugins.ROUTING_EXAMPLE),
                Map.of("vip-senders.priority", "urgent"));
        assertEquals(
                "configuration rejected: priority must be one of [high, low, medium], got 'urgent'",
                status("vip-senders").reason());
    }

    @Test
    void orderAndEnabledAreConfigurableForEveryRule() throws IOException {
        start(
                TestPlugins.directoryWith(temp.resolve("plugins"), TestPlugins.ROUTING_EXAMPLE),
                Map.of("invoices-to-billing.order", "-5", "vip-senders.enabled", "false"));
        assertEquals(-5, status("invoices-to-billing").order());
        assertEquals(PluginStatus.DISABLED, status("vip-senders").state());
        RoutingInput unsure = new RoutingInput(
                "", "Your invoice is wrong.", null, TestPlugins.prediction("en", "Customer Service", 0.2, "medium"));
        RoutingOutcome outcome = engine.route(unsure);
        assertEquals(
                List.of("invoices-to-billing", "low-confidence"),
                outcome.fired().stream().map(RoutingOutcome.FiredRule::rule).toList(),
                "invoices now runs first");
        assertTrue(outcome.needsReview());
    }

    @Test
    void laterRulesSeeEarlierDecisionsAndMayClearReview() throws IOException {
        start(TestPlugins.directoryWith(temp.resolve("plugins"), TestPlugins.ROUTING_EXAMPLE), Map.of());
        RoutingOutcome outcome = engine.route(new RoutingInput(
                "", "Your invoice is wrong.", null, TestPlugins.prediction("en", "Customer Service", 0.2, "medium")));
        assertFalse(outcome.needsReview());
        assertEquals(
                List.of("low-confidence", "invoices-to-billing"),
                outcome.fired().stream().map(RoutingOutcome.FiredRule::rule).toList());
        assertEquals(
                "queue: Customer Service -> Billing and Payments; needs review: true -> false",
                outcome.fired().get(1).change());
        assertEquals("Route to Billing and Payments with medium priority.", outcome.recommendation());
    }

    @Test
    void keywordListPluginMakesGdprRequestsUrgentAfterTheRules() throws IOException {
        start(
                TestPlugins.directoryWith(
                        temp.resolve("plugins"), TestPlugins.GDPR_EXAMPLE, TestPlugins.ROUTING_EXAMPLE),
                Map.of("vip-senders.domains", "bigcorp.com", "vip-senders.priority", "low"));
        RoutingOutcome outcome = engine.route(new RoutingInput(
                "Auskunft",
                "Auskunftsersuchen nach DSGVO Art. 15",
                "x@bigcorp.com",
                TestPlugins.prediction("de", "Customer Service", 0.9, "medium")));
        assertEquals("high", outcome.priority(), "keywords win over a rule lowering the priority");
        assertTrue(outcome.urgent());
        assertEquals(
                List.of(
                        new RoutingOutcome.FiredRule(
                                "vip-senders",
                                "priority: medium -> low",
                                "sender domain bigcorp.com is a VIP customer"),
                        new RoutingOutcome.FiredRule(
                                "gdpr-keywords",
                                "priority: low -> high; urgent",
                                "mentions \"Auskunftsersuchen\", \"DSGVO\" (de)")),
                outcome.fired());
        assertTrue(
                outcome.recommendation()
                        .endsWith("Urgent: mentions \"Auskunftsersuchen\", \"DSGVO\" (de), handle it first."),
                outcome.recommendation());
    }

    // ------------------------------------------------------------------ failures at load time

    @Test
    void badServiceEntryIsListedAsFailedAndTheRestOfTheJarLoads() throws IOException {
        start(TestPlugins.directoryWith(temp.resolve("plugins"), TestPlugins.BAD_SERVICE_ENTRY), Map.of());
        PluginStatus bad = failed("io.ticketrouter.fixtures.bad.NoSuchRule", "bad-service-entry-1.0.0.jar");
        assertTrue(bad.reason().contains("Provider io.ticketrouter.fixtures.bad.NoSuchRule not found"), bad.reason());
        assertEquals(PluginStatus.ACTIVE, status("quiet-rule").state());
    }

    @Test
    void throwingConstructorIsListedAsFailedWithTheCause() throws IOException {
        start(TestPlugins.directoryWith(temp.resolve("plugins"), TestPlugins.THROWING), Map.of());
        PluginStatus failed =
                failed("io.ticketrouter.fixtures.throwing.ThrowingConstructorRule", "throwing-plugins-1.0.0.jar");
        assertTrue(
                failed.reason()
                        .endsWith(
                                "could not be instantiated: java.lang.IllegalStateException: fixture: this constructor always fails"),
                failed.reason());
    }

    @Test
    void duplicateNameFailsTheSecondAndSaysWhichWon() throws IOException {
        Path dir = TestPlugins.directoryWith(temp.resolve("plugins"), TestPlugins.GDPR_EXAMPLE);
        Files.copy(TestPlugins.jar(TestPlugins.GDPR_EXAMPLE), dir.resolve("zz-gdpr-copy.jar"));
        start(dir, Map.of());
        List<PluginStatus> gdpr = engine.plugins().stream()
                .filter(p -> p.name().equals("gdpr-keywords"))
                .toList();
        assertEquals(2, gdpr.size());
        assertEquals(PluginStatus.ACTIVE, gdpr.get(0).state());
        assertEquals(PluginStatus.FAILED, gdpr.get(1).state());
        assertEquals(
                "duplicate name 'gdpr-keywords': already provided by "
                        + "io.ticketrouter.examples.keywords.GdprKeywords from gdpr-keywords-1.0.0.jar, which was found first "
                        + "and is used",
                gdpr.get(1).reason());
    }

    @Test
    void aJarThatIsNotAJarOrDeclaresNothingIsListedAsFailed() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("plugins"));
        Files.writeString(dir.resolve("notes.jar"), "not a zip");
        start(dir, Map.of());
        PluginStatus notes = failed("notes.jar", "notes.jar");
        assertTrue(notes.reason().startsWith("the jar declares no plugin"), notes.reason());
    }

    @Test
    void settingsForAPluginThatDoesNotExistAreReported() {
        start(null, Map.of("no-such-plugin.x", "1"));
        assertEquals(
                List.of("configuration is set for plugin 'no-such-plugin', but no plugin has that name; "
                        + "plugins: [low-confidence, urgent-keywords]"),
                engine.warnings());
    }

    // ------------------------------------------------------------------ failures at run time

    @Test
    void throwingAndNonsenseRulesAreIgnoredAndCounted() throws IOException {
        start(TestPlugins.directoryWith(temp.resolve("plugins"), TestPlugins.THROWING), Map.of());
        RoutingOutcome outcome = engine.route(ticket("en", "Printer", "The printer shows error 42."));
        assertEquals("Technical Support", outcome.queue());
        assertEquals("medium", outcome.priority());
        assertEquals(List.of(), outcome.fired());
        PluginStatus throwing = status("throwing-rule");
        assertEquals(1, throwing.calls());
        assertEquals(1, throwing.errors());
        assertEquals("java.lang.IllegalStateException: fixture: this rule always fails", throwing.lastError());
        PluginStatus nonsense = status("nonsense-queue-rule");
        assertEquals(1, nonsense.errors());
        assertTrue(
                nonsense.lastError().startsWith("returned unknown queue 'Narnia'; known queues: "),
                nonsense.lastError());
    }

    @Test
    void aHangingRuleTimesOutThenIsSkippedWhileItsCallsStillHang() throws IOException {
        engine = new RoutingEngine(
                RoutingOptions.defaults(TestPlugins.directoryWith(
                                temp.resolve("plugins"), TestPlugins.HANGING, TestPlugins.ROUTING_EXAMPLE))
                        .withRuleTimeLimit(Duration.ofMillis(500)),
                () -> PluginSettings.NONE,
                () -> ModelLabels.NONE,
                getClass().getClassLoader());
        for (int i = 0; i < 6; i++) {
            RoutingOutcome outcome = engine.route(ticket("en", "", "Please resend the invoice."));
            assertEquals("Billing and Payments", outcome.queue(), "the other rules still run");
        }
        PluginStatus hanging = status("hanging-rule");
        assertEquals(6, hanging.calls());
        assertEquals(6, hanging.timeouts());
        assertEquals(0, hanging.errors());
        assertTrue(hanging.lastError().startsWith("skipped: 2 earlier calls are still running"), hanging.lastError());
    }

    // ------------------------------------------------------------------ reload and isolation

    @Test
    void reloadPicksUpANewJarAndResetsCounters() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("plugins"));
        start(dir, Map.of());
        assertEquals(
                "Technical Support",
                engine.route(ticket("en", "", "Where is my invoice?")).queue());
        TestPlugins.directoryWith(dir, TestPlugins.ROUTING_EXAMPLE);
        List<PluginStatus> reloaded = engine.reload();
        assertTrue(reloaded.stream().anyMatch(p -> p.name().equals("invoices-to-billing")), reloaded.toString());
        assertEquals(
                "Billing and Payments",
                engine.route(ticket("en", "", "Where is my invoice?")).queue());
        assertEquals(1, status("invoices-to-billing").calls());
        Files.delete(dir.resolve(TestPlugins.jar(TestPlugins.ROUTING_EXAMPLE).getFileName()));
        engine.reload();
        assertEquals(
                "Technical Support",
                engine.route(ticket("en", "", "Where is my invoice?")).queue());
    }

    @Test
    void aPluginSeesTheSpiButNotTheApplication() throws Exception {
        start(TestPlugins.directoryWith(temp.resolve("plugins"), TestPlugins.ROUTING_EXAMPLE), Map.of());
        try (var loader = new java.net.URLClassLoader(
                new java.net.URL[] {
                    TestPlugins.jar(TestPlugins.ROUTING_EXAMPLE).toUri().toURL()
                },
                new SpiOnlyClassLoader(getClass().getClassLoader()))) {
            Class<?> rule = loader.loadClass("io.ticketrouter.examples.routing.InvoiceRule");
            assertTrue(io.ticketrouter.spi.RoutingRule.class.isAssignableFrom(rule), "same SPI class as the server");
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass(RoutingEngine.class.getName()));
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.junit.jupiter.api.Test"));
            assertNull(
                    loader.getResource("META-INF/services/io.ticketrouter.spi.UrgentKeywordList"),
                    "the application's service files are not the plugin's");
        }
    }

    @Test
    void apiVersionsAreCompatibleWithinAMajorVersionUpToTheServersMinor() {
        assertTrue(RoutingApi.isCompatible("1.0", "1.0"));
        assertTrue(RoutingApi.isCompatible("1.0", "1.3"));
        assertFalse(RoutingApi.isCompatible("1.4", "1.3"));
        assertFalse(RoutingApi.isCompatible("2.0", "1.0"));
        assertFalse(RoutingApi.isCompatible(null, "1.0"));
        assertFalse(RoutingApi.isCompatible("one", "1.0"));
    }

    @Test
    void pluginSettingsMustNameThePlugin() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PluginSettings.of(Map.of("domains", "x")));
        assertEquals(
                "plugin setting 'domains' must be written <plugin name>.<key>, for example vip-senders.domains",
                e.getMessage());
        assertEquals(
                Optional.of("fallback"),
                PluginSettings.of(Map.of(), (p, k) -> Optional.of("fallback")).value("vip-senders", "domains"));
    }
}
