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
 * A free-text request field: the text rules of {@link InputRules} (no control characters, bidirectional controls,
 * lone surrogates or noncharacters; one line or several), and a length counted after NFC normalization, the minimum
 * in visible characters. A null value is valid (absent); whether a field is required is another constraint's.
 */
@Retention(RUNTIME)
@Target(FIELD)
@Constraint(validatedBy = PlainText.Validator.class)
@interface PlainText {

    InputRules.Lines lines();

    /** The least number of visible characters; 0 lets the field be empty. */
    int min() default 0;

    /** The most characters, in UTF-16 units as the database columns count them. */
    int max();

    String message() default "must be plain text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the text rules and reports the problem {@link InputRules#textProblem} words. */
    final class Validator implements ConstraintValidator<PlainText, String> {

        private PlainText rule;

        @Override
        public void initialize(PlainText rule) {
            this.rule = rule;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            return InputRules.textProblem(value, rule.lines(), rule.min(), rule.max())
                    .map(problem -> RequestValidation.refuse(context, problem))
                    .orElse(true);
        }
    }
}
