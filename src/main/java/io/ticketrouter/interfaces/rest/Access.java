package io.ticketrouter.interfaces.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a resource method (or every method of a resource class that does not say otherwise). A method
 * without it, on a class without it, is refused to everyone but admins: new endpoints are closed until someone
 * decides. Enforced by {@link AccessFeature}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Access {

    Who value();

    /** The callers allowed. */
    enum Who {
        /** Anyone, signed in or not (the portal). */
        ANYONE,
        /** Signed-in agents and admins. */
        AGENT,
        /** Signed-in admins only. */
        ADMIN
    }
}
