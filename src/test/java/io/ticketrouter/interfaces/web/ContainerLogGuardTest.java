package io.ticketrouter.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class ContainerLogGuardTest {

    @Test
    void aClientThatWentAwayIsRecognisedWithTheTraceAsThrownOrInTheMessage() {
        LogRecord thrown = record("jakarta.enterprise.web", "Servlet.service() for servlet X threw exception");
        thrown.setThrown(new IOException("Connection is closed"));
        assertTrue(ContainerLogGuard.clientWentAway(thrown));
        // the error-page valve writes the stack trace into the message and logs no Throwable
        assertTrue(
                ContainerLogGuard.clientWentAway(
                        record(
                                "jakarta.enterprise.web",
                                "StandardHostValve@1: Exception Processing ErrorPage[errorCode=500]\njava.io.IOException: Connection "
                                        + "is closed\n\tat org.glassfish.grizzly.nio.NIOConnection.assertOpen(NIOConnection.java:427)")));
        LogRecord escape = record(
                "jakarta.enterprise.web.core",
                "An exception or error occurred in the container " + "during the request processing");
        IllegalArgumentException decoding = new IllegalArgumentException("URLDecoder: Illegal hex characters");
        decoding.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.glassfish.grizzly.http.util.URLDecoder", "decode", "URLDecoder.java", 199)
        });
        escape.setThrown(decoding);
        escape.setLevel(Level.SEVERE);
        assertTrue(ContainerLogGuard.clientWentAway(escape), "a malformed escape in the path is the client's");
        assertTrue(ContainerLogGuard.clientWentAway(record(
                "org.glassfish.grizzly.http.HttpServerFilter",
                "Can't use both headers Content-Length and Transfer-Encoding from the same request")));
    }

    @Test
    void theServersOwnFaultsStayInTheLog() {
        LogRecord fault = record("jakarta.enterprise.web", "Servlet.service() for servlet X threw exception");
        fault.setThrown(new IllegalStateException("a bug"));
        assertFalse(ContainerLogGuard.clientWentAway(fault));
        LogRecord argument = record("jakarta.enterprise.web.core", "An exception or error occurred");
        argument.setThrown(new IllegalArgumentException("thrown by the application"));
        assertFalse(ContainerLogGuard.clientWentAway(argument));
        assertFalse(ContainerLogGuard.clientWentAway(record(
                "jakarta.enterprise.web", "Exception Processing " + "ErrorPage\njava.lang.NullPointerException")));
        assertFalse(
                ContainerLogGuard.clientWentAway(
                        record("io.ticketrouter.application.TicketService", "java.io.IOException: disk full")),
                "only the container's request loggers are guarded");
    }

    private static LogRecord record(String logger, String message) {
        LogRecord r = new LogRecord(Level.WARNING, message);
        r.setLoggerName(logger);
        return r;
    }
}
