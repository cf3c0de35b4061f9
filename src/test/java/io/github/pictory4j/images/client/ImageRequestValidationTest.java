package io.github.pictory4j.images.client;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pictory's rules as Bean Validation constraints on {@link ImageRequest}. */
class ImageRequestValidationTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private final Validator validator = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private Map<String, String> violations(ImageRequest request) {
        Set<ConstraintViolation<ImageRequest>> found = validator.validate(request);
        return found.stream().collect(Collectors.toMap(v -> v.getPropertyPath().toString(),
                ConstraintViolation::getMessage, (a, b) -> a + " | " + b));
    }

    @Test
    void aMinimalRequestGetsPictorysDefaultsAndItsPrice() {
        ImageRequest request = ImageRequest.builder("A lighthouse at dawn").build();

        assertEquals(Map.of(), violations(request));
        assertEquals(ImageModel.SEEDREAM_3_0, request.model());
        assertEquals(AspectRatio.SQUARE, request.aspectRatio());
        assertEquals(new BigDecimal("2"), request.estimatedCredits().orElseThrow());
    }

    @Test
    void eachModelKnowsItsPrice() {
        assertEquals(new BigDecimal("0.6"), ImageModel.FLUX_SCHNELL.creditsPerImage().orElseThrow());
        assertEquals(new BigDecimal("4"), ImageModel.NANOBANANA.creditsPerImage().orElseThrow());
        assertEquals(new BigDecimal("14"), ImageModel.NANOBANANA_PRO.creditsPerImage().orElseThrow());
        assertTrue(ImageModel.of("imagen-9").creditsPerImage().isEmpty());
    }

    @Test
    void promptLengthIsFiveToFiveThousand() {
        assertEquals("must be between 5 and 5000 characters long",
                violations(ImageRequest.builder("abcd").build()).get("prompt"));
        assertEquals(Map.of(), violations(ImageRequest.builder("abcde").build()));
        assertEquals(Map.of(), violations(ImageRequest.builder("x".repeat(5000)).build()));
        assertEquals("must be between 5 and 5000 characters long",
                violations(ImageRequest.builder("x".repeat(5001)).build()).get("prompt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "      ", "\t\n\t\n\t"})
    void aBlankPromptIsRejected(String prompt) {
        assertTrue(violations(ImageRequest.builder(prompt).build()).get("prompt").contains("must not be blank"));
    }

    @Test
    void aMissingPromptIsRejected() {
        assertTrue(violations(ImageRequest.builder(null).build()).containsKey("prompt"));
    }

    @Test
    void anUnknownModelIsRejectedNamingTheKnownOnes() {
        assertEquals("must be one of seedream3.0, flux-schnell, nanobanana, nanobanana-pro",
                violations(ImageRequest.builder("A red bicycle").model("dall-e").aspectRatio("1:1").build()).get("model"));
    }

    @Test
    void anUnsupportedRatioIsRejectedListingTheSupportedOnes() {
        Map<String, String> found = violations(ImageRequest.builder("A red bicycle").model("flux-schnell")
                .aspectRatio("4:3").build());

        assertEquals("is not supported by model flux-schnell; supported ratios: 1:1, 16:9, 9:16", found.get("aspectRatio"));
        assertEquals(1, found.size());
    }

    @Test
    void anUnknownStyleIsRejected() {
        assertEquals("must be one of photorealistic, artistic, cartoon, minimalist, vintage, futuristic",
                violations(ImageRequest.builder("A red bicycle").style("cubist").build()).get("style"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com/a.png", "/images/a.png", "javascript:alert(1)", "ftp://example.com/a.png",
            "https://", "http://exa mple.com/a.png", "file:///etc/passwd"})
    void urlsMustBeAbsoluteHttp(String url) {
        Map<String, String> found = violations(ImageRequest.builder("A red bicycle").referenceImageUrl(url).webhook(url).build());

        assertTrue(found.get("referenceImageUrl").startsWith("must be an absolute http or https URL"), found.toString());
        assertTrue(found.get("webhook").startsWith("must be an absolute http or https URL"), found.toString());
    }

    @Test
    void theWebhookIsAtMost500Characters() {
        String base = "https://app.example.com/hook?t=";
        String exactly500 = base + "a".repeat(500 - base.length());

        assertEquals(Map.of(), violations(ImageRequest.builder("A red bicycle").webhook(exactly500).build()));
        assertEquals("must be at most 500 characters long",
                violations(ImageRequest.builder("A red bicycle").webhook(exactly500 + "a").build()).get("webhook"));
    }

    @Test
    void acceptsAFullValidRequest() {
        ImageRequest request = ImageRequest.builder("A red bicycle").model(ImageModel.NANOBANANA).aspectRatio("9:16")
                .style("cartoon").referenceImageUrl("https://example.com/ref.png?size=large")
                .webhook("http://localhost:9080/hook").build();

        assertEquals(Map.of(), violations(request));
    }
}
