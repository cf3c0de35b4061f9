package io.github.pictory4j.images.client.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * The value must be one Pictory accepts (a model or style this library knows). Null is valid: the
 * field is optional unless also {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = KnownValueValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface KnownValue {

    String message() default "is not one Pictory accepts";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
