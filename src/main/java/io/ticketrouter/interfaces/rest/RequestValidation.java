package io.ticketrouter.interfaces.rest;

import io.ticketrouter.application.InvalidInputException;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Bean Validation of request records, and the way its violations reach the client: one 400 problem naming the JSON
 * field and saying, in a sentence that starts with the field's name, what is wrong and what is allowed ("subject must
 * be at most 300 characters, got 301"). When several fields are wrong, the first in the record's order is reported.
 */
final class RequestValidation {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    private RequestValidation() {}

    /** Validates a bound request record; throws {@link InvalidInputException} for its first violation. */
    static <T> T check(T request) {
        Set<ConstraintViolation<T>> violations = VALIDATOR.validate(request);
        if (violations.isEmpty()) {
            return request;
        }
        List<String> order = Arrays.stream(request.getClass().getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        ConstraintViolation<T> first = violations.stream()
                .min(Comparator.comparingInt((ConstraintViolation<T> v) -> position(order, v))
                        .thenComparing(ConstraintViolation::getMessage))
                .orElseThrow();
        String property = property(first.getPropertyPath());
        if (property.isEmpty()) {
            throw new InvalidInputException(null, "the request " + first.getMessage());
        }
        String field = JsonRequestReader.snakeCase(property);
        throw new InvalidInputException(field, field + " " + first.getMessage());
    }

    /** Replaces the default violation with this message, taken literally; returns false (not valid). */
    static boolean refuse(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(literal(message)).addConstraintViolation();
        return false;
    }

    /**
     * A message template that reads as this text: the characters Bean Validation interpolates ({@code { } $ \}) are
     * escaped, so nothing a message quotes is evaluated.
     */
    static String literal(String message) {
        StringBuilder sb = new StringBuilder(message.length() + 8);
        for (char c : message.toCharArray()) {
            if (c == '{' || c == '}' || c == '$' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static String property(Path path) {
        Iterator<Path.Node> nodes = path.iterator();
        String name = nodes.hasNext() ? nodes.next().getName() : null;
        return name == null ? "" : name;
    }

    private static int position(List<String> order, ConstraintViolation<?> v) {
        int i = order.indexOf(property(v.getPropertyPath()));
        return i < 0 ? order.size() : i;
    }
}
