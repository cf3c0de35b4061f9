package io.github.pictory4j.images.client.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * Class-level rule of an {@link io.github.pictory4j.images.client.ImageRequest}: its aspect ratio is
 * one its model supports. The violation is reported on the {@code aspectRatio} property and lists
 * the supported ratios.
 */
@Documented
@Constraint(validatedBy = SupportedAspectRatioValidator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface SupportedAspectRatio {

    String message() default "is not supported by the chosen model";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
