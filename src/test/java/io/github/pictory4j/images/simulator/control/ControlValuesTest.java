package io.github.pictory4j.images.simulator.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The control API's values other than faults: their JSON both ways and the bodies they refuse. */
class ControlValuesTest {

    @Test
    void jobEndingsSurviveTheTripThroughJson() {
        for (JobEnding ending : List.of(JobEnding.completed(), JobEnding.cleaned(), JobEnding.failed("E1", "Broke"),
                JobEnding.failed(null, null))) {
            assertEquals(ending, JobEnding.fromJson(parse(ending.toJson().build().toString())), ending.toString());
        }
        assertEquals("{\"status\":\"failed\",\"errorCode\":\"E1\",\"errorMessage\":\"Broke\"}",
                JobEnding.failed("E1", "Broke").toJson().build().toString(), "Pictory's statuses, spelled as Pictory does");
    }

    @Test
    void anEndingAfterReadsSurvivesTheTripThroughJson() {
        JobEnding ending = JobEnding.failed("E1", "Broke").afterReads(2);

        assertEquals(ending, JobEnding.fromJson(parse(ending.toJson().build().toString())));
        assertEquals(2, ending.afterReads());
        assertTrue(ending.endsOnRead());
        assertFalse(JobEnding.completed().endsOnRead());
        assertFalse(JobEnding.completed().toJson().build().containsKey("afterReads"), "left out when the duration ends it");
        assertThrows(IllegalArgumentException.class, () -> JobEnding.completed().afterReads(0));
    }

    @Test
    void requestPatternsSurviveTheTripThroughJson() {
        for (RequestPattern pattern : List.of(RequestPattern.submissions(),
                RequestPattern.submissions().withPrompt(StringMatch.containing("harbour")).withModel("flux-schnell"),
                RequestPattern.jobReads().withJobId("j-1").withHeader("X-Test", StringMatch.matching("^case-\\d+$")),
                RequestPattern.requestsTo(PictoryEndpoint.SUBMIT).withField("style", StringMatch.equalTo("vintage")))) {
            JsonObject json = parse(pattern.addTo(Json.createObjectBuilder()).build().toString());
            assertEquals(pattern, RequestPattern.fromJson(json), pattern.toString());
            assertEquals(pattern.toString(), RequestPattern.fromJson(json).toString());
        }
    }

    @Test
    void webhookPlansSurviveTheTripThroughJsonAndDefaultToPictorysWay() {
        for (WebhookPlan plan : List.of(WebhookPlan.NORMAL, WebhookPlan.skipped(), WebhookPlan.twice(),
                WebhookPlan.late(Duration.ofMillis(2500)))) {
            assertEquals(plan, WebhookPlan.fromJson(parse(plan.toJson().build().toString())), plan.toString());
        }
        assertEquals(WebhookPlan.NORMAL, WebhookPlan.fromJson(parse("{}")));
    }

    @Test
    void recordedRequestsSurviveTheTripThroughJsonAndFindHeadersInAnyCase() {
        RecordedRequest request = new RecordedRequest(Instant.parse("2025-06-01T10:00:00.123Z"), PictoryEndpoint.SUBMIT,
                "POST", "/v1/aistudio/images", "a=1", Map.of("User-Agent", List.of("pictory4j-images/1"),
                "X-Many", List.of("1", "2")), KeyCheck.REFUSED, "{\"prompt\":\"x\"}", Fault.status(503));
        RecordedRequest plain = new RecordedRequest(Instant.parse("2025-06-01T10:00:01Z"), PictoryEndpoint.GET_JOB, "GET",
                "/v1/jobs/j", null, Map.of(), KeyCheck.ABSENT, "", null);

        assertEquals(request, RecordedRequest.fromJson(request.toJson()));
        assertEquals(plain, RecordedRequest.fromJson(plain.toJson()));
        assertEquals("pictory4j-images/1", request.header("user-agent").orElseThrow());
        assertEquals(List.of("1", "2"), request.headers().get("x-many"), "names in lower case, every value");
        assertTrue(request.faulted());
        assertFalse(plain.faulted());
        assertFalse(plain.toJson().containsKey("query"));
        assertFalse(plain.toJson().containsKey("fault"));
    }

    @Test
    void jobTrafficSurvivesTheTripThroughJson() {
        JobTraffic traffic = new JobTraffic("j-1", "completed", 3, 2, "https://app.example/hook?token=t",
                List.of(WebhookCall.answered(Instant.parse("2025-06-01T10:00:00Z"), 204),
                        WebhookCall.failed(Instant.parse("2025-06-01T10:00:01Z"), "java.net.ConnectException")));

        assertEquals(traffic, JobTraffic.fromJson(traffic.toJson()));
        JobTraffic polled = new JobTraffic("j-2", null, 5, 0, null, List.of());
        assertEquals(polled, JobTraffic.fromJson(polled.toJson()));
        assertFalse(polled.toJson().containsKey("webhook"));
    }

    @Test
    void theControlBodiesAreReadAsTheHelperWritesThem() {
        JsonObject faults = parse(ControlJson.faults(RequestPattern.requestsTo(PictoryEndpoint.DOWNLOAD_IMAGE), 1, 4,
                Fault.status(500)).build().toString());
        JsonObject endings = parse(ControlJson.nextJobs(2, JobEnding.cleaned()).build().toString());

        assertEquals(PictoryEndpoint.DOWNLOAD_IMAGE, ControlJson.endpoint(faults));
        assertEquals(4, ControlJson.times(faults));
        assertEquals(Fault.status(500), Fault.fromJson(faults));
        assertEquals(2, ControlJson.times(endings));
        assertEquals(JobEnding.cleaned(), JobEnding.fromJson(endings));
        assertEquals(Duration.ofMillis(1500), ControlJson.jobDuration(parse(ControlJson.jobDuration(Duration.ofMillis(1500))
                .build().toString())));
        assertEquals(1, ControlJson.times(parse("{}")), "once unless told");
    }

    @Test
    void unusableBodiesAreRefusedWithWhatToWrite() {
        List<Executable> refusals = List.of(
                () -> ControlJson.body("[1]", "{\"millis\":1500}"),
                () -> ControlJson.endpoint(parse("{}")),
                () -> ControlJson.endpoint(parse("{\"endpoint\":\"GET_JOB\"}")),
                () -> ControlJson.times(parse("{\"times\":1001}")),
                () -> ControlJson.times(parse("{\"times\":1.5}")),
                () -> ControlJson.jobDuration(parse("{}")),
                () -> ControlJson.jobDuration(parse("{\"millis\":86400001}")),
                () -> JobEnding.fromJson(parse("{}")),
                () -> JobEnding.fromJson(parse("{\"status\":\"cleaned\",\"errorMessage\":\"x\"}")),
                () -> WebhookPlan.fromJson(parse("{\"calls\":-1}")),
                () -> WebhookPlan.fromJson(parse("{\"delayMillis\":600001}")),
                () -> ControlJson.nth(parse("{\"nth\":0}")),
                () -> RequestPattern.fromJson(parse("{\"endpoint\":\"submit\",\"match\":{}}")),
                () -> RequestPattern.fromJson(parse("{\"endpoint\":\"submit\",\"match\":[{\"on\":\"body\"}]}")),
                () -> RequestPattern.fromJson(parse("{\"endpoint\":\"submit\",\"match\":[{\"on\":\"field\",\"kind\":\"containing\"}]}")),
                () -> RequestPattern.fromJson(parse("{\"endpoint\":\"submit\",\"match\":[{\"on\":\"field\",\"name\":\"prompt\","
                        + "\"kind\":\"like\",\"value\":\"x\"}]}")),
                () -> RequestPattern.fromJson(parse("{\"endpoint\":\"submit\",\"match\":[{\"on\":\"field\",\"name\":\"prompt\","
                        + "\"kind\":\"matching\",\"value\":\"(\"}]}")),
                () -> JobEnding.fromJson(parse("{\"status\":\"completed\",\"afterReads\":1001}")));
        List<String> messages = List.of(
                "The body must be a JSON object, such as {\"millis\":1500}",
                "endpoint is required, such as \"submit\" or \"get-job\"",
                "endpoint must be one of submit, get-job, clean-job, list-images, download-image, not GET_JOB",
                "times must be from 1 to 1000, such as 1",
                "times must be a whole number",
                "millis must be from 0 to 86400000 (a day), such as 1500",
                "millis must be from 0 to 86400000 (a day), such as 1500",
                "status is required: completed, failed or cleaned",
                "errorCode and errorMessage are for a failed job only, not a cleaned one",
                "calls must be from 0 (skip the webhook) to 10, such as 2 (call it twice)",
                "delayMillis must be from 0 to 600000, such as 2000",
                "nth must be from 1 (the next matching request) to 1000, such as 3 (two pass, the third gets the fault)",
                "match must be an array of conditions, such as [{\"on\":\"field\",\"name\":\"prompt\",\"kind\":"
                        + "\"containing\",\"value\":\"harbour\"}]",
                "match[0].on must be one of field, job-id, header, not body",
                "match[0].name is required for a field, such as \"prompt\" or \"X-Test\"",
                "match[0].kind must be one of equal-to, containing, matching, not like",
                "match[0].value must be a regular expression, such as \"^A harbour\": Unclosed group",
                "afterReads must be from 0 (end after the job's duration) to 1000, such as 2 (the first read says"
                        + " in-progress, the second the end)");

        for (int i = 0; i < refusals.size(); i++) {
            assertEquals(messages.get(i), assertThrows(IllegalArgumentException.class, refusals.get(i)).getMessage());
        }
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
