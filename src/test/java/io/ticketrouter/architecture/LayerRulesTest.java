package io.ticketrouter.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules the package-info files state, checked on the compiled classes. The ticket's path runs from
 * the interfaces (REST, WebSocket, web) through the application services to the domain model; infrastructure
 * implements the application's ports; the ML core ({@code classification}) and the routing SPI know nothing of the
 * server.
 */
class LayerRulesTest {

    private static final String ROOT = "io.ticketrouter";
    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void theServerIsLayeredInterfacesApplicationDomainWithInfrastructureBesideIt() {
        ArchRule layers = layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Interfaces")
                .definedBy(ROOT + ".interfaces..")
                .layer("Application")
                .definedBy(ROOT + ".application..")
                .layer("Domain")
                .definedBy(ROOT + ".domain..")
                .layer("Infrastructure")
                .definedBy(ROOT + ".infrastructure..")
                .layer("Command line")
                .definedBy(ROOT + ".cli..")
                .whereLayer("Interfaces")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Command line")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Infrastructure")
                .mayOnlyBeAccessedByLayers(
                        "Command line") // the commands migrate the database schema as the server does
                .whereLayer("Application")
                .mayOnlyBeAccessedByLayers("Interfaces", "Infrastructure")
                .whereLayer("Domain")
                .mayOnlyBeAccessedByLayers("Application", "Interfaces", "Infrastructure", "Command line");
        layers.check(product);
    }

    @Test
    void resourcesUseTheApplicationsPublicFaceNotItsImplementations() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".interfaces..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        ROOT + ".application.internal..",
                        ROOT + ".routing..",
                        ROOT + ".spi..",
                        ROOT + ".infrastructure..",
                        ROOT + ".classification.*..")
                .because("interfaces call the application services and ports, never their implementations, the "
                        + "routing engine, the persistence adapters or the classifier's insides (the classification contract, "
                        + "io.ticketrouter.classification itself, is allowed)")
                .check(product);
    }

    @Test
    void theMlCoreAndTheSimilarityIndexKnowNothingOfTheServer() {
        noClasses()
                .that()
                .resideInAnyPackage(ROOT + ".classification..", ROOT + ".similarity..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta..",
                        "javax.ws..",
                        "javax.servlet..",
                        "org.eclipse.microprofile..",
                        "fish.payara..",
                        "org.glassfish..")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        ROOT + ".application..",
                        ROOT + ".domain..",
                        ROOT + ".infrastructure..",
                        ROOT + ".interfaces..",
                        ROOT + ".routing..",
                        ROOT + ".cli..",
                        ROOT + ".security..",
                        ROOT + ".spi..",
                        ROOT + ".launcher..")
                .check(product);
    }

    @Test
    void theDomainModelUsesOnlyJakartaPersistenceAndTheJdk() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta.ws..",
                        "jakarta.servlet..",
                        "jakarta.enterprise..",
                        "jakarta.websocket..",
                        "jakarta.security..",
                        "jakarta.validation..",
                        "org.eclipse.microprofile..",
                        ROOT + ".security..",
                        ROOT + ".routing..",
                        ROOT + ".spi..",
                        ROOT + ".classification..")
                .check(product);
        // JSON only as the column format of the prediction's maps and lists, inside the JPA converters
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".domain..")
                .and()
                .doNotImplement(jakarta.persistence.AttributeConverter.class)
                .and()
                .doNotHaveSimpleName("JsonColumn")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("jakarta.json..")
                .check(product);
    }

    @Test
    void theRoutingEngineKnowsNoHttpAndNoPersistence() {
        noClasses()
                .that()
                .resideInAnyPackage(ROOT + ".routing..", ROOT + ".spi..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta.ws..",
                        "jakarta.servlet..",
                        "jakarta.persistence..",
                        "jakarta.websocket..",
                        ROOT + ".interfaces..",
                        ROOT + ".infrastructure..",
                        ROOT + ".application.internal..",
                        ROOT + ".domain..")
                .check(product);
    }

    @Test
    void pluginsSeeOnlyTheSpiAndTheJdk() {
        classes()
                .that()
                .resideInAPackage(ROOT + ".spi..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(ROOT + ".spi..", "java..")
                .check(product);
    }

    @Test
    void onlyThePayaraClusterAdapterUsesPayaraApis() {
        noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".infrastructure.cluster.payara..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("fish.payara..")
                .check(product);
    }

    @Test
    void theLauncherAndTheSecurityPrimitivesUseOnlyTheJdk() {
        classes()
                .that()
                .resideInAPackage(ROOT + ".launcher..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(ROOT + ".launcher..", "java..")
                .check(product);
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".security..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta..",
                        "org.eclipse.microprofile..",
                        ROOT + ".infrastructure..",
                        ROOT + ".interfaces..",
                        ROOT + ".application..")
                .check(product);
    }

    @Test
    void theWebSocketAdapterUsesTheClusterPortNeverItsPayaraImplementation() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".interfaces..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".infrastructure.cluster.payara..")
                .check(product);
    }

    /**
     * A command's helpers are its own or shared ones ({@code Installation}, {@code CliFailure}, ...): no class of the
     * command line reaches into a subcommand's class other than its own ({@code TicketRouterCommand}, the entry point,
     * lists them and may be named by all).
     */
    @Test
    void commandsDoNotBorrowEachOthersHelpers() {
        classes()
                .that()
                .resideInAPackage(ROOT + ".cli")
                .and()
                .doNotHaveSimpleName("TicketRouterCommand")
                .should(new ArchCondition<JavaClass>("not depend on another command's class") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String own = topLevel(origin).getName();
                        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = topLevel(d.getTargetClass());
                            if (target.getPackageName().equals(ROOT + ".cli")
                                    && target.getSimpleName().endsWith("Command")
                                    && !target.getName().equals(own)
                                    && !target.getSimpleName().equals("TicketRouterCommand")) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                })
                .check(product);
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass t = c;
        while (t.getEnclosingClass().isPresent()) {
            t = t.getEnclosingClass().get();
        }
        return t;
    }
}
