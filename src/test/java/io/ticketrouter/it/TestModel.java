package io.ticketrouter.it;

import java.nio.file.Files;
import org.junit.jupiter.api.Assumptions;

/** The model bundle trained from data/sample before the integration tests (exec-maven-plugin, profile in the pom). */
final class TestModel {

    private TestModel() {}

    /** Aborts (or, with CI=true, fails) the calling test when no bundle was trained. */
    static void require() {
        if (Files.isDirectory(TestServer.MODEL)) {
            return;
        }
        String message = "no model bundle at " + TestServer.MODEL.toAbsolutePath() + " (trained at "
                + "pre-integration-test by io.ticketrouter.cli.TicketRouterCommand train): tests that need a model "
                + "are SKIPPED";
        System.out.println("[it] WARNING " + message);
        Assumptions.abort(message);
    }
}
