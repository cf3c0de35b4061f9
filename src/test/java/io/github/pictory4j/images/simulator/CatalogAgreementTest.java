package io.github.pictory4j.images.simulator;

import io.github.pictory4j.images.client.AspectRatio;
import io.github.pictory4j.images.client.ImageModel;
import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.ImageStyle;
import io.github.pictory4j.images.client.JobStatus;
import io.github.pictory4j.images.client.PictoryValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The simulator's table of Pictory's values ({@link PictoryCatalog}) and the client's agree. Each side
 * is written from Pictory's documentation on its own; when one drifts (a price, a ratio, a default, a
 * bound), this test names what differs, and whoever changed it checks the documentation again.
 */
class CatalogAgreementTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();
    private static final String PROMPT = "A lighthouse at dawn";

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void modelsWithTheirRatiosDefaultRatioAndPrice() {
        Map<String, String> client = new TreeMap<>();
        for (ImageModel model : ImageModel.knownValues()) {
            client.put(model.value(), describe(values(model.supportedAspectRatios()),
                    model.defaultAspectRatio().map(AspectRatio::value).orElse(null), model.creditsPerImage().orElse(null)));
        }
        Map<String, String> simulator = new TreeMap<>();
        for (SimulatedModel model : PictoryCatalog.MODELS) {
            simulator.put(model.name(), describe(model.aspectRatios(), model.defaultAspectRatio(), model.credits()));
        }

        assertEquals(client, simulator);
    }

    @Test
    void theDefaultModel() {
        assertEquals(ImageModel.defaultModel().value(), PictoryCatalog.DEFAULT_MODEL.name());
    }

    @Test
    void stylesRatiosAndJobStatuses() {
        assertEquals(Set.copyOf(values(ImageStyle.knownValues())), Set.copyOf(PictoryCatalog.STYLES), "styles");
        assertEquals(Set.copyOf(values(AspectRatio.knownValues())), Set.copyOf(PictoryCatalog.ASPECT_RATIOS), "ratios");
        assertEquals(Set.copyOf(values(JobStatus.knownValues())),
                Arrays.stream(SimulatedStatus.values()).map(SimulatedStatus::value).collect(Collectors.toSet()), "statuses");
    }

    @Test
    void thePromptBounds() {
        Map<String, Boolean> expected = new LinkedHashMap<>();
        Map<String, Boolean> clientAccepts = new LinkedHashMap<>();
        for (int length : List.of(PictoryCatalog.MIN_PROMPT_LENGTH - 1, PictoryCatalog.MIN_PROMPT_LENGTH,
                PictoryCatalog.MAX_PROMPT_LENGTH, PictoryCatalog.MAX_PROMPT_LENGTH + 1)) {
            boolean simulatorAccepts = length >= PictoryCatalog.MIN_PROMPT_LENGTH && length <= PictoryCatalog.MAX_PROMPT_LENGTH;
            expected.put(length + " characters", simulatorAccepts);
            clientAccepts.put(length + " characters", accepts(ImageRequest.builder("x".repeat(length)).build(), "prompt"));
        }

        assertEquals(expected, clientAccepts);
    }

    @Test
    void theUrlRulesAndLengths() {
        String site = "https://example.com/";
        List<String> urls = List.of("https://example.com/a.png", "http://127.0.0.1:8080/hook?token=x", "HTTPS://EXAMPLE.COM/A",
                "/relative.png", "example.com/a.png", "ftp://example.com/a.png", "javascript:alert(1)", "https:///no-host",
                "https://exa mple.com", "mailto:someone@example.com", "",
                site + "a".repeat(PictoryCatalog.MAX_WEBHOOK_LENGTH - site.length()),
                site + "a".repeat(PictoryCatalog.MAX_WEBHOOK_LENGTH - site.length() + 1),
                site + "a".repeat(PictoryCatalog.MAX_URL_LENGTH - site.length()),
                site + "a".repeat(PictoryCatalog.MAX_URL_LENGTH - site.length() + 1));
        Map<String, String> disagreements = new LinkedHashMap<>();
        for (String url : urls) {
            String client = verdicts(accepts(ImageRequest.builder(PROMPT).referenceImageUrl(url).build(), "referenceImageUrl"),
                    accepts(ImageRequest.builder(PROMPT).webhook(url).build(), "webhook"));
            String simulator = verdicts(simulatorAccepts("referenceImageUrl", url), simulatorAccepts("webhook", url));
            if (!client.equals(simulator)) {
                disagreements.put(url.length() > 60 ? url.length() + " characters" : url,
                        "client: " + client + "; simulator: " + simulator);
            }
        }

        assertEquals(Map.of(), disagreements);
    }

    private static boolean simulatorAccepts(String field, String url) {
        try {
            RequestRules.read("{\"prompt\":\"" + PROMPT + "\",\"" + field + "\":\"" + url + "\"}");
            return true;
        } catch (InvalidRequestException refused) {
            return false;
        }
    }

    private static boolean accepts(ImageRequest request, String field) {
        Set<ConstraintViolation<ImageRequest>> violations = VALIDATOR.validate(request);
        return violations.stream().noneMatch(v -> v.getPropertyPath().toString().equals(field));
    }

    private static String verdicts(boolean asReference, boolean asWebhook) {
        return "referenceImageUrl " + (asReference ? "ok" : "refused") + ", webhook " + (asWebhook ? "ok" : "refused");
    }

    private static String describe(List<String> ratios, String defaultRatio, BigDecimal credits) {
        return "ratios " + ratios + ", default " + defaultRatio + ", credits "
                + (credits == null ? null : credits.stripTrailingZeros().toPlainString());
    }

    private static List<String> values(List<? extends PictoryValue> values) {
        return values.stream().map(PictoryValue::value).toList();
    }
}
