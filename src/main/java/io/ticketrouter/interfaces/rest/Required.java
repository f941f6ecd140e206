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
 * A required text field: present and not empty; with {@code blank = false}, not only white space either. (Used
 * instead of {@code @NotEmpty} and {@code @NotBlank}, which Payara's OpenAPI scanner cannot read on record components.)
 */
@Retention(RUNTIME)
@Target(FIELD)
@Constraint(validatedBy = Required.Validator.class)
@interface Required {

    /** Whether a value of only white space counts as given. */
    boolean blank() default true;

    String message() default "is required";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Valid when the text is there (and, unless blank is allowed, not only white space). */
    final class Validator implements ConstraintValidator<Required, String> {

        private boolean blank;

        @Override
        public void initialize(Required rule) {
            blank = rule.blank();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value != null && !value.isEmpty() && (blank || !value.isBlank());
        }
    }
}
