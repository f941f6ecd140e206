package io.ticketrouter.interfaces.rest;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.ticketrouter.domain.model.ticket.Ticket;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A request that carries a ticket's message gives it, as {@code body} or as its alias {@code text} (the field name
 * clients of the earlier service send). The violation is reported on {@code body}.
 */
@Retention(RUNTIME)
@Target(TYPE)
@Constraint(validatedBy = MessageGiven.Validator.class)
@interface MessageGiven {

    String message() default "is required";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reports a missing message on {@code body}, saying what it must be. */
    final class Validator implements ConstraintValidator<MessageGiven, MessageRequest> {

        @Override
        public boolean isValid(MessageRequest request, ConstraintValidatorContext context) {
            if (request == null || request.body() != null || request.text() != null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                            RequestValidation.literal("is required: the ticket's message, " + Ticket.BODY_MIN + " to "
                                    + Ticket.BODY_MAX + " characters (\"text\" is accepted as an alias)"))
                    .addPropertyNode("body")
                    .addConstraintViolation();
            return false;
        }
    }
}
