package io.github.pictory4j.images.it;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import io.github.pictory4j.images.client.BadInputs;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ImageService} injected into an app that has the client jar in WEB-INF/lib, in a managed Open
 * Liberty, talking to a WireMock Pictory.
 */
@ExtendWith(ArquillianExtension.class)
class ImageServiceIT {

    private static final String IMAGES = "/pictoryapis/v1/aistudio/images";
    private static final String IN_PROGRESS = "{\"job_id\":\"job-1\",\"success\":true,\"data\":{\"status\":\"in-progress\"}}";
    private static final String COMPLETED = "{\"job_id\":\"job-1\",\"success\":true,\"data\":{\"status\":\"completed\","
            + "\"url\":\"https://cdn.example/job-1.png\",\"width\":1024,\"height\":576,\"aiCreditsUsed\":0.6}}";
    private static final Path SERVER_XML_OVERRIDE =
            TestServer.dir().resolve("configDropins/overrides/pictory-it-key.xml");

    @ArquillianResource
    private URL base;

    /** A fresh job id per test: the service remembers how each job ended, as Pictory's ids are unique. */
    private String jobId;
    private String jobPath;

    @Deployment(testable = false)
    static WebArchive app() {
        return ProbeDeployments.probe("module-probe", "pictory.api-key=" + ProbeDeployments.TEST_KEY + "\n"
                + "pictory.poll.interval=100ms\n"
                + "pictory.poll.timeout=1s\n");
    }

    @BeforeEach
    void resetPictory() {
        PictoryStub.SERVER.resetAll();
        jobId = "job-" + UUID.randomUUID();
        jobPath = "/pictoryapis/v1/jobs/" + jobId;
    }

    /** A canned Pictory body for this test's job. */
    private String forThisJob(String body) {
        return body.replace("job-1", jobId);
    }

    private HttpResponse<String> call(String method, String path, String json) throws Exception {
        return ProbeDeployments.call(method, URI.create(base + "probe/" + path), json);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    @Test
    void theInjectedServiceSubmitsWithTheRawKeyAndTheLibrarysUserAgent() throws Exception {
        PictoryStub.SERVER.stubFor(post(IMAGES).willReturn(okJson("{\"success\":true,\"data\":{\"jobId\":\"job-1\"}}")));

        HttpResponse<String> response = call("POST", "images", "{\"prompt\":\"A lighthouse at dawn\",\"model\":\"flux-schnell\","
                + "\"aspectRatio\":\"16:9\"}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("job-1", json(response).getString("jobId"));
        PictoryStub.SERVER.verify(1, postRequestedFor(urlEqualTo(IMAGES))
                .withHeader("Authorization", equalTo(ProbeDeployments.TEST_KEY))
                .withHeader("User-Agent", matching("pictory4j-images/\\S+ \\(Java \\d+\\)"))
                .withRequestBody(equalToJson("{\"prompt\":\"A lighthouse at dawn\",\"model\":\"flux-schnell\","
                        + "\"aspectRatio\":\"16:9\"}", false, false)));
    }

    @Test
    void validationRejectsBadInputBeforeAnyRequestIsSent() throws Exception {
        List<String[]> cases = List.of(
                new String[]{"{\"prompt\":\"abc\"}", "submit.request.prompt", "between 5 and 5000"},
                new String[]{"{\"prompt\":\"     \"}", "submit.request.prompt", "must not be blank"},
                new String[]{"{\"prompt\":\"A red bicycle\",\"model\":\"dall-e\"}", "submit.request.model", "must be one of"},
                new String[]{"{\"prompt\":\"A red bicycle\",\"aspectRatio\":\"4:3\"}", "submit.request.aspectRatio",
                        "supported ratios: 1:1, 16:9, 9:16"},
                new String[]{"{\"prompt\":\"A red bicycle\",\"style\":\"cubist\"}", "submit.request.style", "must be one of"},
                new String[]{"{\"prompt\":\"A red bicycle\",\"webhook\":\"javascript:alert(1)\"}", "submit.request.webhook",
                        "absolute http or https URL"},
                new String[]{"{\"prompt\":\"A red bicycle\",\"referenceImageUrl\":\"/relative.png\"}",
                        "submit.request.referenceImageUrl", "absolute http or https URL"});
        for (String[] c : cases) {
            HttpResponse<String> response = call("POST", "images", c[0]);

            assertEquals(400, response.statusCode(), c[0] + " -> " + response.body());
            JsonObject violation = json(response).getJsonArray("violations").getJsonObject(0);
            assertEquals(c[1], violation.getString("path"), c[0]);
            assertTrue(violation.getString("message").contains(c[2]), violation.toString());
        }
        HttpResponse<String> badId = call("GET", "jobs/x%20y%3B..", null);
        assertEquals(400, badId.statusCode(), badId.body());
        assertEquals("getJob.jobId", json(badId).getJsonArray("violations").getJsonObject(0).getString("path"));
        PictoryStub.SERVER.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void everyCaseOfTheBadInputTableIsRejectedInTheContainerWithNothingSent() throws Exception {
        for (BadInputs.Case badInput : BadInputs.cases(true)) {
            HttpResponse<String> response = call("POST", "images", badInput.toJson());

            assertEquals(400, response.statusCode(), badInput + " -> " + response.body());
            Set<String> named = new TreeSet<>();
            json(response).getJsonArray("violations").getValuesAs(JsonObject.class).forEach(violation -> {
                String path = violation.getString("path");
                named.add(path.substring(path.lastIndexOf('.') + 1));
            });
            assertEquals(new TreeSet<>(badInput.expected()), named, badInput.toString());
        }
        PictoryStub.SERVER.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void waitingPollsUntilTheJobCompletes() throws Exception {
        stubJobAnswers(IN_PROGRESS, "{\"success\":true,\"data\":{\"status\":\"queued\"}}", COMPLETED);

        HttpResponse<String> response = call("GET", "jobs/" + jobId + "/await", null);

        assertEquals(200, response.statusCode(), response.body());
        JsonObject job = json(response);
        assertEquals("completed", job.getString("status"));
        assertEquals("https://cdn.example/" + jobId + ".png", job.getString("url"));
        assertEquals(576, job.getInt("height"));
        PictoryStub.SERVER.verify(3, getRequestedFor(urlEqualTo(jobPath)));
    }

    @Test
    void asyncWaitingOnTheManagedSchedulerCompletesToo() throws Exception {
        stubJobAnswers(IN_PROGRESS, IN_PROGRESS, COMPLETED);

        HttpResponse<String> response = call("GET", "jobs/" + jobId + "/await-async", null);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("completed", json(response).getString("status"));
        PictoryStub.SERVER.verify(3, getRequestedFor(urlEqualTo(jobPath)));
    }

    @Test
    void waitingForAJobThatNeverCompletesTimesOutWithBoundedPolls() throws Exception {
        PictoryStub.SERVER.stubFor(get(jobPath).willReturn(okJson(forThisJob(IN_PROGRESS))));

        long start = System.nanoTime();
        HttpResponse<String> response = call("GET", "jobs/" + jobId + "/await", null);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(502, response.statusCode(), response.body());
        assertEquals("JobWaitTimeoutException", json(response).getString("type"));
        assertTrue(json(response).getString("message").contains("pictory.poll.timeout"), response.body());
        int polls = PictoryStub.SERVER.countRequestsMatching(getRequestedFor(urlEqualTo(jobPath)).build()).getCount();
        assertTrue(polls >= 5 && polls <= 11, polls + " polls for a 1s timeout at 100ms");
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "took " + took);
    }

    @Test
    void aFailedJobReportsPictorysCode() throws Exception {
        stubJobAnswers(IN_PROGRESS, "{\"success\":false,\"data\":{\"status\":\"failed\",\"error_code\":\"CONTENT_POLICY\","
                + "\"error_message\":\"The prompt was refused\"}}");

        HttpResponse<String> response = call("GET", "jobs/" + jobId + "/await", null);

        assertEquals("ImageJobFailedException", json(response).getString("type"));
        assertTrue(json(response).getString("message").contains("CONTENT_POLICY: The prompt was refused"), response.body());
    }

    @Test
    void serverErrorsAreRetriedAndClientErrorsAreNot() throws Exception {
        PictoryStub.SERVER.stubFor(get(jobPath).willReturn(aResponse().withStatus(500)));
        assertEquals("PictoryServerException", json(call("GET", "jobs/" + jobId, null)).getString("type"));
        PictoryStub.SERVER.verify(3, getRequestedFor(urlEqualTo(jobPath)));

        PictoryStub.SERVER.resetAll();
        PictoryStub.SERVER.stubFor(get(jobPath).willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Unauthorized\"}")));
        HttpResponse<String> unauthorized = call("GET", "jobs/" + jobId, null);
        assertEquals("PictoryAuthenticationException", json(unauthorized).getString("type"));
        assertTrue(!unauthorized.body().contains(ProbeDeployments.TEST_KEY), "the key must not be echoed");
        PictoryStub.SERVER.verify(1, getRequestedFor(urlEqualTo(jobPath)));
    }

    @Test
    void anHtmlPageFromAProxyIsAFormatErrorInTheContainersClient() throws Exception {
        PictoryStub.SERVER.stubFor(get(jobPath).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>Just a moment...</html>")));

        assertEquals("PictoryResponseFormatException", json(call("GET", "jobs/" + jobId, null)).getString("type"));
    }

    @Test
    void aReadTimeoutInTheContainersClientIsATimeoutError() throws Exception {
        PictoryStub.SERVER.stubFor(get(jobPath).willReturn(okJson(forThisJob(COMPLETED)).withFixedDelay(4000)));

        assertEquals("PictoryTimeoutException", json(call("GET", "jobs/" + jobId, null)).getString("type"));
    }

    @Test
    void theKeyCanComeFromAServerXmlVariable() throws Exception {
        PictoryStub.SERVER.stubFor(post(IMAGES).willReturn(okJson("{\"success\":true,\"data\":{\"jobId\":\"job-1\"}}")));
        String serverXmlKey = "pictai_it_from_server_xml_variable_91d2";
        Files.createDirectories(SERVER_XML_OVERRIDE.getParent());
        Files.writeString(SERVER_XML_OVERRIDE, "<server><variable name=\"pictory.api-key\" value=\"" + serverXmlKey
                + "\"/></server>");
        try {
            assertEquals(serverXmlKey, keySeenWithin(Duration.ofSeconds(30), serverXmlKey));
        } finally {
            Files.delete(SERVER_XML_OVERRIDE);
        }
        assertEquals(ProbeDeployments.TEST_KEY, keySeenWithin(Duration.ofSeconds(30), ProbeDeployments.TEST_KEY));
    }

    /** Submits until Pictory sees {@code expected} (Liberty applies server.xml changes within a second or so). */
    private String keySeenWithin(Duration limit, String expected) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        String seen = null;
        while (System.nanoTime() < deadline) {
            call("POST", "images", "{\"prompt\":\"A lighthouse at dawn\"}");
            List<LoggedRequest> requests = PictoryStub.SERVER.findAll(postRequestedFor(urlEqualTo(IMAGES)));
            seen = requests.get(requests.size() - 1).getHeader("Authorization");
            if (expected.equals(seen)) {
                return seen;
            }
            Thread.sleep(500);
        }
        return seen;
    }

    private void stubJobAnswers(String... bodies) {
        String state = Scenario.STARTED;
        for (int i = 0; i < bodies.length; i++) {
            String next = i == bodies.length - 1 ? state : "poll-" + (i + 1);
            PictoryStub.SERVER.stubFor(get(jobPath).inScenario("job").whenScenarioStateIs(state)
                    .willReturn(okJson(forThisJob(bodies[i]))).willSetStateTo(next));
            state = next;
        }
    }
}
