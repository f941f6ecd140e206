package io.ticketrouter.interfaces.rest;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Collection;

/**
 * A required array of {@code min} to {@code max} entries, described as {@code shape} when it is missing; the message
 * says how many were sent.
 */
@Retention(RUNTIME)
@Target(FIELD)
@Constraint(validatedBy = ItemCount.Validator.class)
@interface ItemCount {

    int min();

    int max();

    /** What one entry looks like, for the message when the array is missing. */
    String shape();

    String message() default "must hold the allowed number of entries";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks presence and size; the message names the limits and the count. */
    final class Validator implements ConstraintValidator<ItemCount, Collection<?>> {

        private ItemCount rule;

        @Override
        public void initialize(ItemCount rule) {
            this.rule = rule;
        }

        @Override
        public boolean isValid(Collection<?> items, ConstraintValidatorContext context) {
            if (items == null) {
                return RequestValidation.refuse(
                        context, "is required: an array of " + rule.min() + " to " + rule.max() + " " + rule.shape());
            }
            int n = items.size();
            if (n >= rule.min() && n <= rule.max()) {
                return true;
            }
            return RequestValidation.refuse(
                    context, "must hold " + rule.min() + " to " + rule.max() + " entries, got " + n);
        }
    }
}
