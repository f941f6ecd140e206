package io.ticketrouter.routing;

import java.util.ServiceConfigurationError;

/** A load-time failure of a plugin whose name is already known. */
final class PluginFailure extends RuntimeException {
    final String name;

    PluginFailure(String name, String message, Throwable cause) {
        super(message, cause);
        this.name = name;
    }

    static String describe(Throwable e) {
        if (e instanceof ServiceConfigurationError && e.getCause() != null) {
            Throwable cause = e.getCause();
            if (cause instanceof java.lang.reflect.InvocationTargetException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            return e.getMessage() + ": " + cause.getClass().getName() + ": " + cause.getMessage();
        }
        return e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
