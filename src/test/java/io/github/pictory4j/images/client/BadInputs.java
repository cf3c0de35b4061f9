package io.github.pictory4j.images.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of invalid image requests shared by the Java API tests (unit and in-container) and the
 * sample's REST API test: each case names the field that must be reported.
 */
public final class BadInputs {

    private BadInputs() {
    }

    /**
     * One invalid request.
     *
     * @param name     what is wrong
     * @param fields   the request's fields as strings (Pictory's names); absent = not set
     * @param expected the fields the error must name
     */
    public record Case(String name, Map<String, String> fields, List<String> expected) {

        public ImageRequest toRequest() {
            return ImageRequest.builder(fields.get("prompt")).model(fields.get("model"))
                    .aspectRatio(fields.get("aspectRatio")).style(fields.get("style"))
                    .referenceImageUrl(fields.get("referenceImageUrl")).webhook(fields.get("webhook")).build();
        }

        /** The fields as a JSON object; nulls are omitted. */
        public String toJson() {
            StringBuilder json = new StringBuilder("{");
            fields.forEach((key, value) -> {
                if (value != null) {
                    json.append(json.length() > 1 ? "," : "").append('"').append(key).append("\":\"")
                            .append(value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                                    .replace("\t", "\\t")).append('"');
                }
            });
            return json.append('}').toString();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final String OK_PROMPT = "A red bicycle against a brick wall";

    /** Every case; {@code withWebhook} false leaves out the webhook cases (the sample's API does not take one). */
    public static List<Case> cases(boolean withWebhook) {
        List<Case> cases = new ArrayList<>();
        prompt(cases, "prompt missing", null);
        prompt(cases, "prompt empty", "");
        prompt(cases, "prompt blank", "     ");
        prompt(cases, "prompt whitespace only", "\t\n\t\n\t");
        prompt(cases, "prompt too short (4)", "abcd");
        prompt(cases, "prompt too short (1)", "x");
        prompt(cases, "prompt too long (5,001)", "x".repeat(5001));
        prompt(cases, "prompt far too long (50,000)", "x".repeat(50_000));
        field(cases, "model unknown", "model", "dall-e");
        field(cases, "model in the wrong case", "model", "SEEDREAM3.0");
        field(cases, "model with a typo", "model", "flux_schnell");
        field(cases, "model almost known", "model", "nanobanana-ultra");
        field(cases, "ratio unsupported (4:3)", "aspectRatio", "4:3");
        field(cases, "ratio unsupported (21:9)", "aspectRatio", "21:9");
        field(cases, "ratio in another notation", "aspectRatio", "16x9");
        field(cases, "ratio as a number", "aspectRatio", "1.777");
        field(cases, "style unknown", "style", "cubist");
        field(cases, "style in the wrong case", "style", "Photorealistic");
        field(cases, "reference URL without a scheme", "referenceImageUrl", "example.com/a.png");
        field(cases, "reference URL relative", "referenceImageUrl", "/images/a.png");
        field(cases, "reference URL javascript:", "referenceImageUrl", "javascript:alert(1)");
        field(cases, "reference URL ftp:", "referenceImageUrl", "ftp://example.com/a.png");
        field(cases, "reference URL file:", "referenceImageUrl", "file:///etc/passwd");
        field(cases, "reference URL data:", "referenceImageUrl", "data:image/png;base64,AAAA");
        field(cases, "reference URL without a host", "referenceImageUrl", "https://");
        field(cases, "reference URL with a space", "referenceImageUrl", "http://exa mple.com/a.png");
        field(cases, "reference URL over 2,048 characters", "referenceImageUrl",
                "https://example.com/" + "a".repeat(2100));
        if (withWebhook) {
            field(cases, "webhook javascript:", "webhook", "javascript:alert(1)");
            field(cases, "webhook over 500 characters", "webhook", "https://app.example.com/" + "a".repeat(480));
            field(cases, "webhook scheme-relative", "webhook", "//app.example.com/hook");
            field(cases, "webhook mailto:", "webhook", "mailto:ops@example.com");
        }
        Map<String, String> two = base();
        two.put("prompt", "abc");
        two.put("style", "cubist");
        cases.add(new Case("two bad fields", two, List.of("prompt", "style")));
        return cases;
    }

    private static void prompt(List<Case> cases, String name, String prompt) {
        Map<String, String> fields = base();
        fields.put("prompt", prompt);
        cases.add(new Case(name, fields, List.of("prompt")));
    }

    private static void field(List<Case> cases, String name, String field, String value) {
        Map<String, String> fields = base();
        fields.put(field, value);
        cases.add(new Case(name, fields, List.of(field)));
    }

    private static Map<String, String> base() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("prompt", OK_PROMPT);
        return fields;
    }
}
