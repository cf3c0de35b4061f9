package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.validation.HttpUrl;
import io.github.pictory4j.images.client.validation.KnownValue;
import io.github.pictory4j.images.client.validation.SupportedAspectRatio;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What to generate: the body of {@code POST /v1/aistudio/images}. Absent optional fields are not sent.
 *
 * <p>Build one with {@link #builder(String)}; the builder fills in Pictory's defaults for model and
 * aspect ratio so that the price ({@link #estimatedCredits()}) is known before anything is spent.
 * The constraints are Pictory's own rules; {@link ImageService} checks them before sending.
 *
 * @param prompt            what the image shows, 5 to 5,000 characters
 * @param model             the model; Pictory's default when built without one
 * @param aspectRatio       a ratio the model supports; the model's default when built without one
 * @param style             optional visual style
 * @param referenceImageUrl optional public http(s) URL of an image to draw on
 * @param webhook           optional http(s) URL Pictory POSTs to when the job completes (at most 500 chars)
 */
@SupportedAspectRatio
public record ImageRequest(
        @NotBlank(message = "must not be blank")
        @Size(min = 5, max = 5000, message = "must be between 5 and 5000 characters long")
        String prompt,
        @NotNull(message = "must be one of seedream3.0, flux-schnell, nanobanana, nanobanana-pro")
        @KnownValue
        ImageModel model,
        AspectRatio aspectRatio,
        @KnownValue
        ImageStyle style,
        @HttpUrl
        String referenceImageUrl,
        @HttpUrl(maxLength = 500)
        String webhook) implements JobRequest {

    /** A builder for a prompt; everything else is optional. */
    public static Builder builder(String prompt) {
        return new Builder().prompt(prompt);
    }

    /** A builder holding this request's values, to derive a variant. */
    public Builder toBuilder() {
        return new Builder().prompt(prompt).model(model).aspectRatio(aspectRatio).style(style)
                .referenceImageUrl(referenceImageUrl).webhook(webhook);
    }

    /** The same request with Pictory calling back this URL when the job completes. */
    public ImageRequest withWebhook(String webhookUrl) {
        return toBuilder().webhook(webhookUrl).build();
    }

    /** What this request will cost in AI credits; empty if the model is unknown to this library. */
    public Optional<BigDecimal> estimatedCredits() {
        return model == null ? Optional.empty() : model.creditsPerImage();
    }

    /** Builds {@link ImageRequest}s; validation happens when the request is submitted. */
    public static final class Builder {
        private String prompt;
        private ImageModel model;
        private AspectRatio aspectRatio;
        private ImageStyle style;
        private String referenceImageUrl;
        private String webhook;

        private Builder() {
        }

        public Builder prompt(String prompt) {
            this.prompt = prompt;
            return this;
        }

        public Builder model(ImageModel model) {
            this.model = model;
            return this;
        }

        public Builder model(String model) {
            return model(model == null ? null : ImageModel.of(model));
        }

        public Builder aspectRatio(AspectRatio aspectRatio) {
            this.aspectRatio = aspectRatio;
            return this;
        }

        public Builder aspectRatio(String aspectRatio) {
            return aspectRatio(aspectRatio == null ? null : AspectRatio.of(aspectRatio));
        }

        public Builder style(ImageStyle style) {
            this.style = style;
            return this;
        }

        public Builder style(String style) {
            return style(style == null ? null : ImageStyle.of(style));
        }

        public Builder referenceImageUrl(String referenceImageUrl) {
            this.referenceImageUrl = referenceImageUrl;
            return this;
        }

        public Builder webhook(String webhook) {
            this.webhook = webhook;
            return this;
        }

        /** The request, with Pictory's default model and that model's default ratio where unset. */
        public ImageRequest build() {
            ImageModel chosenModel = model == null ? ImageModel.defaultModel() : model;
            AspectRatio chosenRatio = aspectRatio == null ? chosenModel.defaultAspectRatio().orElse(null) : aspectRatio;
            return new ImageRequest(prompt, chosenModel, chosenRatio, style, referenceImageUrl, webhook);
        }
    }
}
