package io.github.pictory4j.images.simulator;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestRulesTest {

    @Test
    void aPromptAloneTakesPictorysDefaults() {
        ImageOrder order = RequestRules.read("{\"prompt\":\"A lighthouse at dawn\"}");

        assertEquals("A lighthouse at dawn", order.prompt());
        assertEquals("seedream3.0", order.model().name());
        assertEquals("1:1", order.aspectRatio());
        assertNull(order.style());
        assertNull(order.referenceImageUrl());
        assertNull(order.webhook());
    }

    @Test
    void readsEveryField() {
        ImageOrder order = RequestRules.read("{\"prompt\":\"A lighthouse at dawn\",\"model\":\"nanobanana-pro\","
                + "\"aspectRatio\":\"9:16\",\"style\":\"vintage\",\"referenceImageUrl\":\"https://example.com/a.png\","
                + "\"webhook\":\"http://127.0.0.1:8080/hook?token=x\"}");

        assertEquals("nanobanana-pro", order.model().name());
        assertEquals("9:16", order.aspectRatio());
        assertEquals("vintage", order.style());
        assertEquals("https://example.com/a.png", order.referenceImageUrl());
        assertEquals("http://127.0.0.1:8080/hook?token=x", order.webhook());
        assertEquals(0, order.credits().compareTo(new BigDecimal("14")));
    }

    @Test
    void everyModelEveryRatioAndEveryStyleIsAccepted() {
        for (SimulatedModel model : PictoryCatalog.MODELS) {
            for (String ratio : model.aspectRatios()) {
                for (String style : PictoryCatalog.STYLES) {
                    ImageOrder order = RequestRules.read("{\"prompt\":\"A red bicycle\",\"model\":\"" + model.name()
                            + "\",\"aspectRatio\":\"" + ratio + "\",\"style\":\"" + style + "\"}");
                    assertEquals(model, order.model());
                    assertEquals(ratio, order.aspectRatio());
                    assertEquals(style, order.style());
                }
            }
        }
    }

    @Test
    void unknownFieldsAndNullOptionalFieldsAreIgnored() {
        ImageOrder order = RequestRules.read("{\"prompt\":\"A red bicycle\",\"colour\":\"red\",\"nested\":{\"a\":1},"
                + "\"style\":null,\"webhook\":null,\"model\":null,\"aspectRatio\":null,\"referenceImageUrl\":null}");

        assertEquals("seedream3.0", order.model().name());
        assertNull(order.style());
    }

    @Test
    void thePromptIsRequiredAndMustBeAStringOf5To5000Characters() {
        assertOnly("{}", "prompt", "is required");
        assertOnly("{\"prompt\":null}", "prompt", "is required");
        assertOnly("{\"prompt\":42}", "prompt", "must be a string");
        assertOnly("{\"prompt\":\"abcd\"}", "prompt", "between 5 and 5000");
        assertOnly("{\"prompt\":\"" + "a".repeat(5001) + "\"}", "prompt", "between 5 and 5000");
        assertOnly("{\"prompt\":\"      \"}", "prompt", "must not be blank");
        RequestRules.read("{\"prompt\":\"abcde\"}");
        RequestRules.read("{\"prompt\":\"" + "a".repeat(5000) + "\"}");
    }

    @Test
    void theModelMustBeOneOfPictorys() {
        assertOnly("{\"prompt\":\"A red bicycle\",\"model\":\"dall-e\"}", "model",
                "must be one of seedream3.0, flux-schnell, nanobanana, nanobanana-pro");
        assertOnly("{\"prompt\":\"A red bicycle\",\"model\":\"\"}", "model", "must be one of");
        assertOnly("{\"prompt\":\"A red bicycle\",\"model\":3}", "model", "must be one of");
        assertOnly("{\"prompt\":\"A red bicycle\",\"model\":\"SEEDREAM3.0\"}", "model", "must be one of");
    }

    @Test
    void theAspectRatioMustBeOneTheModelSupports() {
        assertOnly("{\"prompt\":\"A red bicycle\",\"aspectRatio\":\"4:3\"}", "aspectRatio", "must be one of 1:1, 16:9, 9:16");
        assertOnly("{\"prompt\":\"A red bicycle\",\"model\":\"flux-schnell\",\"aspectRatio\":169}", "aspectRatio",
                "must be one of");
        // With a bad model the ratio is still judged, against the ratios any model knows.
        InvalidRequestException both = invalid("{\"prompt\":\"A red bicycle\",\"model\":\"x\",\"aspectRatio\":\"2:1\"}");
        assertEquals(List.of("model", "aspectRatio"), both.fields().stream().map(InvalidField::name).toList());
        assertEquals("16:9", RequestRules.read(
                "{\"prompt\":\"A red bicycle\",\"model\":\"flux-schnell\",\"aspectRatio\":\"16:9\"}").aspectRatio());
    }

    @Test
    void theStyleMustBeOneOfPictorys() {
        assertOnly("{\"prompt\":\"A red bicycle\",\"style\":\"cubist\"}", "style",
                "must be one of photorealistic, artistic, cartoon, minimalist, vintage, futuristic");
        assertOnly("{\"prompt\":\"A red bicycle\",\"style\":[\"artistic\"]}", "style", "must be one of");
    }

    @Test
    void theReferenceImageMustBeAnAbsoluteHttpUrl() {
        assertOnly("{\"prompt\":\"A red bicycle\",\"referenceImageUrl\":\"/relative.png\"}", "referenceImageUrl",
                "absolute http or https URL");
        assertOnly("{\"prompt\":\"A red bicycle\",\"referenceImageUrl\":\"ftp://example.com/a.png\"}", "referenceImageUrl",
                "absolute http or https URL");
        assertOnly("{\"prompt\":\"A red bicycle\",\"referenceImageUrl\":\"https://exa mple.com\"}", "referenceImageUrl",
                "absolute http or https URL");
        assertOnly("{\"prompt\":\"A red bicycle\",\"referenceImageUrl\":true}", "referenceImageUrl", "must be a string");
        assertOnly("{\"prompt\":\"A red bicycle\",\"referenceImageUrl\":\"https://example.com/" + "a".repeat(2048) + "\"}",
                "referenceImageUrl", "at most 2048");
    }

    @Test
    void theWebhookMustBeAnAbsoluteHttpUrlOfAtMost500Characters() {
        assertOnly("{\"prompt\":\"A red bicycle\",\"webhook\":\"javascript:alert(1)\"}", "webhook", "absolute http or https URL");
        assertOnly("{\"prompt\":\"A red bicycle\",\"webhook\":\"https:///no-host\"}", "webhook", "absolute http or https URL");
        assertOnly("{\"prompt\":\"A red bicycle\",\"webhook\":{}}", "webhook", "must be a string");
        String exactly500 = "https://example.com/" + "a".repeat(500 - "https://example.com/".length());
        assertEquals(exactly500, RequestRules.read("{\"prompt\":\"A red bicycle\",\"webhook\":\"" + exactly500 + "\"}").webhook());
        assertOnly("{\"prompt\":\"A red bicycle\",\"webhook\":\"" + exactly500 + "a\"}", "webhook", "at most 500");
    }

    @Test
    void everyBadFieldIsReportedOnceInOrder() {
        InvalidRequestException e = invalid("{\"prompt\":\"abc\",\"model\":\"dall-e\",\"style\":\"cubist\","
                + "\"referenceImageUrl\":\"nope\",\"webhook\":\"nope\"}");

        assertEquals(InvalidRequestException.INVALID_BODY, e.code());
        assertEquals(List.of("prompt", "model", "style", "referenceImageUrl", "webhook"),
                e.fields().stream().map(InvalidField::name).toList());
        assertTrue(e.getMessage().startsWith("Invalid request body"), e.getMessage());
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsInvalid() {
        for (Map.Entry<String, String> c : Map.of(
                "not json", "not valid JSON",
                "{\"prompt\":", "not valid JSON",
                "[{\"prompt\":\"A red bicycle\"}]", "must be a JSON object",
                "\"A red bicycle\"", "must be a JSON object",
                "42", "must be a JSON object").entrySet()) {
            InvalidRequestException e = invalid(c.getKey());
            assertEquals(InvalidRequestException.INVALID_BODY, e.code(), c.getKey());
            assertTrue(e.getMessage().contains(c.getValue()), c.getKey() + ": " + e.getMessage());
            assertTrue(e.fields().isEmpty(), c.getKey());
        }
    }

    @Test
    void noBodyAtAllLacksThePrompt() {
        assertOnly("", "prompt", "is required");
        assertOnly(null, "prompt", "is required");
    }

    @Test
    void messagesNeverQuoteTheInput() {
        InvalidRequestException e = invalid("{\"prompt\":\"abc\",\"model\":\"${jndi:evil}\",\"webhook\":\"secret-token\"}");

        String everything = e.getMessage() + e.fields();
        assertTrue(!everything.contains("jndi") && !everything.contains("secret-token"), everything);
    }

    private static void assertOnly(String body, String field, String errorContains) {
        InvalidRequestException e = invalid(body);
        assertEquals(1, e.fields().size(), body + " -> " + e.fields());
        assertEquals(field, e.fields().get(0).name(), body);
        assertTrue(e.fields().get(0).errors().contains(errorContains), body + " -> " + e.fields().get(0).errors());
    }

    private static InvalidRequestException invalid(String body) {
        return assertThrows(InvalidRequestException.class, () -> RequestRules.read(body), body);
    }
}
