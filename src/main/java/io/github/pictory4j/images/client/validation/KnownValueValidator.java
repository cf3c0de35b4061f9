package io.github.pictory4j.images.client.validation;

import io.github.pictory4j.images.client.ImageModel;
import io.github.pictory4j.images.client.ImageStyle;
import io.github.pictory4j.images.client.PictoryValue;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.util.List;
import java.util.stream.Collectors;

/** Checks a {@link PictoryValue} is known, and says which values are. */
public class KnownValueValidator implements ConstraintValidator<KnownValue, PictoryValue> {

    @Override
    public boolean isValid(PictoryValue value, ConstraintValidatorContext context) {
        if (value == null || value.isKnown()) {
            return true;
        }
        // The message lists only the library's own constants, never the caller's text, so it is
        // safe to use as a message template.
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("must be one of " + allowed(value))
                .addConstraintViolation();
        return false;
    }

    private static String allowed(PictoryValue value) {
        List<? extends PictoryValue> known;
        if (value instanceof ImageModel) {
            known = ImageModel.knownValues();
        } else if (value instanceof ImageStyle) {
            known = ImageStyle.knownValues();
        } else {
            return "the values this library knows";
        }
        return known.stream().map(PictoryValue::value).collect(Collectors.joining(", "));
    }
}
