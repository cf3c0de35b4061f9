package io.github.pictory4j.images.client.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.lang.reflect.Method;
import java.util.Set;

/**
 * Checks a method's arguments against its Bean Validation constraints before anything is sent, as the
 * container does for CDI beans: the violations name {@code method.parameter.field}, such as
 * {@code submit.request.prompt}.
 */
@FunctionalInterface
public interface MethodValidator {

    /** For callers whose container already validated the call (the CDI bean). */
    MethodValidator NONE = (target, method, arguments) -> { };

    /** @throws ConstraintViolationException naming each invalid field and its rule */
    void validate(Object target, Method method, Object... arguments);

    /** Validation with {@code validator}. */
    static MethodValidator of(Validator validator) {
        return (target, method, arguments) -> {
            Set<ConstraintViolation<Object>> violations =
                    validator.forExecutables().validateParameters(target, method, arguments);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
        };
    }
}
