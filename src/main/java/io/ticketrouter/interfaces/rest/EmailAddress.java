package io.ticketrouter.interfaces.rest;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An optional e-mail address (blank counts as none): one line of plain text, then an addr-spec in dot-atom form with
 * letters of any script (RFC 5322 section 3.4.1, RFC 6531); no quoted local parts, comments, IP literals or display
 * names. {@link InputRules#emailProblem} words what is wrong.
 */
@Retention(RUNTIME)
@Target(FIELD)
@Constraint(validatedBy = EmailAddress.Validator.class)
@interface EmailAddress {

    String message() default "must be an e-mail address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the address and reports the problem in words a sender can act on. */
    final class Validator implements ConstraintValidator<EmailAddress, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return InputRules.emailProblem(value)
                    .map(problem -> RequestValidation.refuse(context, problem))
                    .orElse(true);
        }
    }
}
