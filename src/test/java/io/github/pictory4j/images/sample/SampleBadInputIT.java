package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.client.BadInputs;
import io.github.pictory4j.images.it.TestHttp;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bad-input table against the sample's REST API, plus what only a REST API can get wrong (not
 * JSON, wrong types, huge bodies): each is refused naming the field, and no request reaches Pictory
 * (the embedded simulator counts what it receives).
 */
@ExtendWith(ArquillianExtension.class)
class SampleBadInputIT {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive app() {
        return SampleDeployment.war();
    }

    /** A raw body and what the answer must be. */
    private record RestCase(String name, String body, int status, List<String> fields) {
    }

    private static List<RestCase> restOnlyCases() {
        List<RestCase> cases = new ArrayList<>();
        cases.add(new RestCase("not JSON", "prompt=A lighthouse", 400, List.of()));
        cases.add(new RestCase("truncated JSON", "{\"prompt\":\"A lighthouse", 400, List.of()));
        cases.add(new RestCase("a JSON array", "[{\"prompt\":\"A lighthouse at dawn\"}]", 400, List.of()));
        cases.add(new RestCase("a JSON string", "\"A lighthouse at dawn\"", 400, List.of()));
        cases.add(new RestCase("JSON null", "null", 400, List.of()));
        cases.add(new RestCase("an empty body", "", 400, List.of()));
        cases.add(new RestCase("prompt is an object", "{\"prompt\":{\"text\":\"A lighthouse at dawn\"}}", 400, List.of("prompt")));
        cases.add(new RestCase("prompt is an array", "{\"prompt\":[\"A lighthouse at dawn\"]}", 400, List.of("prompt")));
        cases.add(new RestCase("prompt is a short number", "{\"prompt\":123}", 400, List.of("prompt")));
        cases.add(new RestCase("prompt is null", "{\"prompt\":null}", 400, List.of("prompt")));
        cases.add(new RestCase("model is a number", "{\"prompt\":\"A lighthouse at dawn\",\"model\":3}", 400, List.of("model")));
        cases.add(new RestCase("style is an object", "{\"prompt\":\"A lighthouse at dawn\",\"style\":{}}", 400, List.of("style")));
        cases.add(new RestCase("a huge body", "{\"prompt\":\"" + "x".repeat(200_000) + "\"}", 413, List.of()));
        return cases;
    }

    @Test
    void everyBadInputIsRefusedNamingTheFieldAndNothingReachesPictory() throws Exception {
        awaitNoJobRunning(); // the module polls running jobs: only then does the simulator's counter stand still
        long before = simulatorRequests();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (BadInputs.Case badInput : BadInputs.cases(false)) {
            checked++;
            check(badInput.toString(), badInput.toJson(), 400, badInput.expected(), failures);
        }
        for (RestCase restCase : restOnlyCases()) {
            checked++;
            check(restCase.name(), restCase.body(), restCase.status(), restCase.fields(), failures);
        }

        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(checked >= 30, checked + " cases");
        assertEquals(before, simulatorRequests(), "no bad input may reach Pictory");
    }

    /** Waits until every job the app knows has ended, so that no poll of the module reaches the simulator. */
    private void awaitNoJobRunning() throws Exception {
        for (int attempt = 0; attempt < 150; attempt++) {
            String jobs = TestHttp.send("GET", URI.create(base + "api/images"), null, SampleLogins.ALICE).body();
            if (!jobs.contains("\"in-progress\"")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("jobs still running after 30 s");
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        HttpResponse<String> response = post("{\"prompt\":\"A lighthouse at dawn\",\"colour\":\"blue\",\"webhook\":\"https://evil.example/\"}");

        assertEquals(202, response.statusCode(), response.body());
    }

    private void check(String name, String body, int status, List<String> fields, List<String> failures) throws Exception {
        HttpResponse<String> response = post(body);
        String where = name + " -> " + response.statusCode() + " " + abbreviate(response.body());
        if (response.statusCode() != status) {
            failures.add("status: " + where);
            return;
        }
        JsonObject error = TestHttp.json(response);
        if (error.getString("message", "").isBlank()) {
            failures.add("no message: " + where);
        }
        Set<String> named = new TreeSet<>();
        error.getJsonArray("fields").getValuesAs(JsonObject.class).forEach(f -> named.add(f.getString("name")));
        if (!named.equals(new TreeSet<>(fields))) {
            failures.add("fields " + named + " instead of " + fields + ": " + where);
        }
        assertFalse(response.body().contains("pictai_"), "never a key: " + where);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return TestHttp.send("POST", URI.create(base + "api/images"), body, SampleLogins.ALICE);
    }

    private long simulatorRequests() throws Exception {
        HttpResponse<String> traffic = TestHttp.send("GET", URI.create(base + "simulator/pictoryapis/simulator-traffic"), null,
                "Authorization", "pictai_simulator");
        assertEquals(200, traffic.statusCode(), traffic.body());
        return TestHttp.json(traffic).getJsonNumber("apiRequests").longValue();
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
