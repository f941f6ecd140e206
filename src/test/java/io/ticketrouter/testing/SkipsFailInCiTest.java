package io.ticketrouter.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** With CI=true a skipped test fails with the reason it was skipped for; elsewhere it stays a skip. */
class SkipsFailInCiTest {

    private static final String REASON = "no /usr/bin/chromium: the browser tests are SKIPPED";
    private static final String IN_CI = "CI=true runs every test, this one was skipped: " + REASON;

    // The classes below run only inside these tests, through the test kit, with the extension in either mode.

    static class InCi {
        @RegisterExtension
        static final SkipsFailInCi EXTENSION = new SkipsFailInCi(true);

        @Test
        void assumption() {
            Assumptions.assumeTrue(false, REASON);
        }

        @Test
        void abort() {
            Assumptions.abort(REASON);
        }

        @Test
        void passes() {}

        @TestFactory
        Stream<DynamicTest> dynamic() {
            return Stream.of(DynamicTest.dynamicTest("dynamic", () -> Assumptions.abort(REASON)));
        }
    }

    static class InCiBeforeAll {
        @RegisterExtension
        static final SkipsFailInCi EXTENSION = new SkipsFailInCi(true);

        @BeforeAll
        static void requireBrowser() {
            Assumptions.abort(REASON);
        }

        @Test
        void usesTheBrowser() {}
    }

    static class Elsewhere {
        @RegisterExtension
        static final SkipsFailInCi EXTENSION = new SkipsFailInCi(false);

        @Test
        void abort() {
            Assumptions.abort(REASON);
        }

        @Test
        void passes() {}
    }

    private static EngineExecutionResults run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter")
                // only the extension under test: the auto-detected one follows this JVM's own CI variable
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .selectors(selectClass(testClass))
                .execute();
    }

    @Test
    void inCiEveryAbortedTestFailsWithItsReason() {
        Events tests = run(InCi.class).testEvents();
        tests.assertStatistics(
                stats -> stats.started(4).succeeded(1).failed(3).aborted(0).skipped(0));
        tests.assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("assumption"),
                                finishedWithFailure(
                                        instanceOf(AssertionFailedError.class),
                                        message(IN_CI.replace(REASON, "Assumption failed: " + REASON)))));
        tests.assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("abort"),
                                finishedWithFailure(instanceOf(AssertionFailedError.class), message(IN_CI))));
        tests.assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("dynamic-test"),
                                finishedWithFailure(instanceOf(AssertionFailedError.class), message(IN_CI))));
    }

    @Test
    void inCiAClassWhoseSetUpAbortsFails() {
        EngineExecutionResults results = run(InCiBeforeAll.class);
        results.containerEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                container(InCiBeforeAll.class),
                                finishedWithFailure(instanceOf(AssertionFailedError.class), message(IN_CI))));
        assertEquals(0, results.containerEvents().aborted().count());
        assertEquals(0, results.testEvents().succeeded().count());
    }

    @Test
    void elsewhereAnAbortedTestIsASkipWithItsReason() {
        Events tests = run(Elsewhere.class).testEvents();
        tests.assertStatistics(stats -> stats.started(2).succeeded(1).failed(0).aborted(1));
        tests.assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("abort"),
                                abortedWithReason(instanceOf(TestAbortedException.class), message(REASON))));
    }
}
