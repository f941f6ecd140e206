package io.ticketrouter.testing;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * With the environment variable {@code CI=true}, a test that aborts (a failed assumption, {@code Assumptions.abort})
 * fails instead, with the abort's message: CI runs every test, so a missing browser, database, model or data set is
 * an error there, not a skip. Elsewhere aborts stay skips, with their message.
 *
 * <p>Registered for every test of {@code src/test}, unit tests (surefire) and integration tests (failsafe) alike,
 * through JUnit's extension auto-detection ({@code src/test/resources/junit-platform.properties} and
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension}). It wraps every invocation of test code:
 * constructors, {@code @BeforeAll}, {@code @BeforeEach}, test methods, templates, factories and dynamic tests,
 * {@code @AfterEach}, {@code @AfterAll}.
 *
 * <p>A test class that does not apply to one of the two database runs is excluded from that failsafe execution in
 * {@code pom.xml} rather than skipping itself there, so a full run has no skipped tests. (Its JUnit condition on
 * {@code it.db} only decides when a single class is run with {@code -Dit.test=...}, which overrides the excludes.)
 */
public final class SkipsFailInCi implements InvocationInterceptor {

    private final boolean ci;

    public SkipsFailInCi() {
        this("true".equalsIgnoreCase(System.getenv("CI")));
    }

    SkipsFailInCi(boolean ci) {
        this.ci = ci;
    }

    private <T> T failAborts(Invocation<T> invocation) throws Throwable {
        try {
            return invocation.proceed();
        } catch (TestAbortedException aborted) {
            if (!ci) {
                throw aborted;
            }
            throw new AssertionFailedError(
                    "CI=true runs every test, this one was skipped: " + aborted.getMessage(), aborted);
        }
    }

    @Override
    public <T> T interceptTestClassConstructor(
            Invocation<T> invocation,
            ReflectiveInvocationContext<Constructor<T>> invocationContext,
            ExtensionContext extensionContext)
            throws Throwable {
        return failAborts(invocation);
    }

    @Override
    public void interceptBeforeAllMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext)
            throws Throwable {
        failAborts(invocation);
    }

    @Override
    public void interceptBeforeEachMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext)
            throws Throwable {
        failAborts(invocation);
    }

    @Override
    public void interceptTestMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext)
            throws Throwable {
        failAborts(invocation);
    }

    @Override
    public <T> T interceptTestFactoryMethod(
            Invocation<T> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext)
            throws Throwable {
        return failAborts(invocation);
    }

    @Override
    public void interceptTestTemplateMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext)
            throws Throwable {
        failAborts(invocation);
    }

    @Override
    public void interceptDynamicTest(
            Invocation<Void> invocation,
            DynamicTestInvocationContext invocationContext,
            ExtensionContext extensionContext)
            throws Throwable {
        failAborts(invocation);
    }

    @Override
    public void interceptAfterEachMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext)
            throws Throwable {
        failAborts(invocation);
    }

    @Override
    public void interceptAfterAllMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext)
            throws Throwable {
        failAborts(invocation);
    }
}
