package io.github.pictory4j.images.sample;

import io.github.pictory4j.images.it.TestHttp;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample with a daily budget of two flux-schnell images: the third submission is refused with 429,
 * its Retry-After and what the budget says, and never reaches Pictory; {@code /api/usage} shows the
 * figures. The app keeps its jobs in memory here, so that the budget starts empty whatever other tests
 * did with the shared database.
 */
@ExtendWith(ArquillianExtension.class)
class SampleBudgetIT {

    @Deployment(testable = false)
    static WebArchive app() {
        WebArchive war = SampleDeployment.war();
        war.delete("/WEB-INF/classes/META-INF/microprofile-config.properties");
        // Above the sample's defaults (150): a budget that counts the simulator's credits as real ones (the sample
        // counts them apart, and no limit applies to them), and no datasource (an empty value unsets the sample's).
        return war.addAsResource(new StringAsset("config_ordinal=200\n"
                + "pictory/mp-rest/connectTimeout=10000\npictory/mp-rest/readTimeout=60000\n"
                + "pictory.budget.daily-credits=1.2\npictory.budget.simulated=false\npictory.store.datasource=\n"),
                "META-INF/microprofile-config.properties");
    }

    private static final String FLUX = "{\"prompt\":\"A lighthouse at dawn\",\"model\":\"flux-schnell\",\"aspectRatio\":\"1:1\"}";

    @ArquillianResource
    private URL base;

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return TestHttp.send(method, URI.create(base + path.substring(1)), body, SampleLogins.ALICE);
    }

    /** The prompts of the images Pictory (the simulator, fresh with this deployment) made. */
    private List<String> imagesMade() throws Exception {
        HttpResponse<String> images = TestHttp.send("GET", URI.create(base + "simulator/pictoryapis/v1/aistudio/images"),
                null, "Authorization", "pictai_simulator");
        assertEquals(200, images.statusCode(), images.body());
        return TestHttp.json(images).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("prompt")).toList();
    }

    /** The application's figures, which the admin reads (a user's own usage is theirs and their team's). */
    private JsonObject usage() throws Exception {
        HttpResponse<String> usage = TestHttp.send("GET", URI.create(base + "api/admin/usage"), null, SampleLogins.ADMIN);
        assertEquals(200, usage.statusCode(), usage.body());
        return TestHttp.json(usage).getJsonObject("application");
    }

    private static double number(JsonObject json, String name) {
        return json.getJsonNumber(name).doubleValue();
    }

    @Test
    void theSubmissionPastTheBudgetIsRefusedWith429AndTheUsageShowsWhy() throws Exception {
        JsonObject before = usage();
        JsonObject today = before.getJsonObject("today");
        assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), today.getString("period"));
        assertEquals("UTC", before.getString("zone"));
        assertEquals(1.2, number(today, "limit"), 1e-9);
        assertEquals(1.2, number(today, "left"), 1e-9, "nothing spent yet: " + before);
        assertFalse(before.getJsonObject("month").containsKey("limit"), "no monthly limit: " + before);
        assertEquals(14, before.getJsonArray("days").size());
        assertEquals(today.getString("period"), before.getJsonArray("days").getJsonObject(13).getString("date"));

        assertEquals(202, send("POST", "/api/images", FLUX).statusCode());
        assertEquals(202, send("POST", "/api/images", FLUX).statusCode());
        HttpResponse<String> refused = send("POST", "/api/images", FLUX.replace("A lighthouse at dawn", "One too many"));
        Instant refusedAt = Instant.now();

        assertEquals(429, refused.statusCode(), refused.body());
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        Instant midnight = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertTrue(retryAfter > 0 && retryAfter <= midnight.getEpochSecond() - Instant.now().getEpochSecond() + 5,
                "until midnight UTC: " + retryAfter);
        JsonObject body = TestHttp.json(refused);
        JsonObject budget = body.getJsonObject("budget");
        assertEquals("day", budget.getString("period"));
        assertEquals("pictory.budget.daily-credits", budget.getString("setting"));
        assertEquals(1.2, number(budget, "limit"), 1e-9);
        assertFalse(budget.containsKey("spent") || budget.containsKey("reserved"),
                "what the whole application spent is everyone's: alice is not told it: " + budget);
        assertFalse(body.getString("message").contains("reserved"), body.getString("message"));
        assertEquals(0.6, number(budget, "requested"), 1e-9);
        assertEquals(midnight.toString(), budget.getString("resetsAt"));
        assertTrue(body.getString("message").contains("Nothing was sent to Pictory"), body.getString("message"));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonObject after = usage();
        while (number(after.getJsonObject("today"), "reserved") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            after = usage();
        }
        JsonObject settled = after.getJsonObject("today");
        assertEquals(1.2, number(settled, "spent"), 1e-9, "both jobs ended and were charged: " + after);
        assertEquals(0, number(settled, "reserved"), 1e-9);
        assertEquals(0, number(settled, "left"), 1e-9);
        assertEquals(1.2, number(after.getJsonArray("days").getJsonObject(13), "spent"), 1e-9, "today's bar");
        // Had the refused one been sent, its image would be made 3 s later, as the others were.
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), refusedAt.plusSeconds(5)).toMillis()));
        assertEquals(List.of("A lighthouse at dawn", "A lighthouse at dawn"), imagesMade(),
                "the refused one never reached Pictory");
    }
}
