package io.github.pictory4j.images.client.validation;

import io.github.pictory4j.images.client.AspectRatio;
import io.github.pictory4j.images.client.ImageModel;
import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.PictoryValue;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.util.stream.Collectors;

/** Checks an {@link ImageRequest}'s aspect ratio against its model's supported ratios. */
public class SupportedAspectRatioValidator implements ConstraintValidator<SupportedAspectRatio, ImageRequest> {

    @Override
    public boolean isValid(ImageRequest request, ConstraintValidatorContext context) {
        if (request == null || request.aspectRatio() == null) {
            return true;
        }
        ImageModel model = request.model() == null ? ImageModel.defaultModel() : request.model();
        if (!model.isKnown()) {
            return true; // the model's own violation already explains the problem
        }
        AspectRatio ratio = request.aspectRatio();
        if (model.supports(ratio)) {
            return true;
        }
        // Only the library's own constants go into the template, never the caller's text.
        String supported = model.supportedAspectRatios().stream().map(PictoryValue::value)
                .collect(Collectors.joining(", "));
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(
                        "is not supported by model " + model.value() + "; supported ratios: " + supported)
                .addPropertyNode("aspectRatio")
                .addConstraintViolation();
        return false;
    }
}
