package io.github.pictory4j.images.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.pictory4j.images.client.internal.http.CreateJobResponse;
import io.github.pictory4j.images.client.internal.http.ImageJobBody;
import io.github.pictory4j.images.client.internal.http.ResponseDecoder;
import io.github.pictory4j.images.client.internal.http.JobResponse;
import io.github.pictory4j.images.client.internal.http.PictoryImagesApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The declarative REST interface against a WireMock Pictory: what goes on the wire, what comes back. */
class PictoryImagesApiTest {

    @RegisterExtension
    static WireMockExtension pictory = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private PictoryImagesApi api;

    @BeforeEach
    void buildClient() {
        api = RestClients.api(pictory.baseUrl());
    }

    @Test
    void submitSendsTheRawKeyAUserAgentAndOnlyTheFieldsThatAreSet() {
        pictory.stubFor(post("/pictoryapis/v1/aistudio/images")
                .willReturn(okJson("{\"success\":true,\"data\":{\"jobId\":\"4d82d040-4394-4371-867d-72ae1dd62b6d\"}}")));

        CreateJobResponse response = api.createImageJob(RestClients.KEY, ImageJobBody.of(ImageRequest.builder("A lighthouse at dawn")
                .model(ImageModel.FLUX_SCHNELL).aspectRatio(AspectRatio.LANDSCAPE_16_9).build()));

        assertEquals("4d82d040-4394-4371-867d-72ae1dd62b6d", response.data().jobId());
        pictory.verify(1, postRequestedFor(urlEqualTo("/pictoryapis/v1/aistudio/images"))
                .withHeader("Authorization", equalTo(RestClients.KEY))
                .withHeader("User-Agent", matching("pictory4j-images/\\S+ \\(Java \\d+\\)"))
                .withHeader("Content-Type", matching("application/json.*"))
                .withHeader("Accept", matching(".*application/json.*"))
                .withRequestBody(equalToJson(
                        "{\"prompt\":\"A lighthouse at dawn\",\"model\":\"flux-schnell\",\"aspectRatio\":\"16:9\"}",
                        false, false)));
    }

    @Test
    void submitSendsEveryOptionalFieldByPictorysName() {
        pictory.stubFor(post("/pictoryapis/v1/aistudio/images")
                .willReturn(okJson("{\"success\":true,\"data\":{\"jobId\":\"j1\"}}")));

        api.createImageJob(RestClients.KEY, ImageJobBody.of(ImageRequest.builder("A red bicycle").model("nanobanana-pro")
                .aspectRatio("9:16").style(ImageStyle.VINTAGE).referenceImageUrl("https://example.com/ref.png")
                .webhook("https://app.example.com/hook").build()));

        pictory.verify(postRequestedFor(urlEqualTo("/pictoryapis/v1/aistudio/images")).withRequestBody(equalToJson(
                "{\"prompt\":\"A red bicycle\",\"model\":\"nanobanana-pro\",\"aspectRatio\":\"9:16\","
                        + "\"style\":\"vintage\",\"referenceImageUrl\":\"https://example.com/ref.png\","
                        + "\"webhook\":\"https://app.example.com/hook\"}", false, false)));
    }

    @Test
    void readsACompletedJobAndIgnoresFieldsItDoesNotKnow() {
        pictory.stubFor(get("/pictoryapis/v1/jobs/j1").willReturn(okJson("{\"job_id\":\"j1\",\"success\":true,"
                + "\"newTopLevel\":{\"x\":1},\"data\":{\"status\":\"completed\",\"url\":\"https://cdn.example/j1.png\","
                + "\"width\":1024,\"height\":576,\"aiCreditsUsed\":0.6,\"seed\":42,\"extra\":[1,2]}}")));

        JobResponse response = api.getJob(RestClients.KEY, "j1");

        assertEquals("j1", response.jobId());
        assertEquals("completed", response.data().status());
        assertEquals("https://cdn.example/j1.png", response.data().url());
        assertEquals(1024, response.data().width());
        assertEquals(576, response.data().height());
        assertEquals(new BigDecimal("0.6"), response.data().aiCreditsUsed());
        pictory.verify(getRequestedFor(urlEqualTo("/pictoryapis/v1/jobs/j1"))
                .withHeader("Authorization", equalTo(RestClients.KEY)));
    }

    @Test
    void keepsAStatusItDoesNotKnowInsteadOfFailing() {
        pictory.stubFor(get("/pictoryapis/v1/jobs/j2")
                .willReturn(okJson("{\"success\":true,\"data\":{\"status\":\"queued\"}}")));

        JobResponse response = api.getJob(RestClients.KEY, "j2");

        JobStatus status = new ResponseDecoder(java.time.Clock.systemUTC()).job("j2", response).status();
        assertEquals("queued", status.value());
        assertFalse(status.isKnown());
        assertFalse(status.isTerminal());
        assertNull(response.jobId());
    }

    @Test
    void readsAFailedJobWithANumericErrorCode() {
        pictory.stubFor(get("/pictoryapis/v1/jobs/j3").willReturn(okJson("{\"job_id\":\"j3\",\"success\":false,"
                + "\"data\":{\"status\":\"failed\",\"error_code\":4001,\"error_message\":\"Prompt rejected\"}}")));

        JobResponse response = api.getJob(RestClients.KEY, "j3");

        assertEquals("failed", response.data().status());
        assertEquals("4001", response.data().errorCode());
        assertEquals("Prompt rejected", response.data().errorMessage());
    }

    @Test
    void listsImagesPageByPageWithUnknownModelsKept() {
        pictory.stubFor(get(urlPathEqualTo("/pictoryapis/v1/aistudio/images")).withQueryParam("nextPageKey", absent())
                .willReturn(okJson("{\"items\":[{\"id\":\"i1\",\"url\":\"https://cdn.example/i1.png\",\"prompt\":\"A cat\","
                        + "\"aspectRatio\":\"21:9\",\"model\":\"seedream4.0\",\"width\":2048,\"height\":878,"
                        + "\"createdDate\":\"2026-11-20T10:00:00Z\"}],\"nextPageKey\":\"page-2\"}")));
        pictory.stubFor(get(urlPathEqualTo("/pictoryapis/v1/aistudio/images")).withQueryParam("nextPageKey", equalTo("page-2"))
                .willReturn(okJson("{\"items\":[]}")));

        ImagePage first = api.listImages(RestClients.KEY, null).toPage();
        ImagePage second = api.listImages(RestClients.KEY, first.nextPageKey()).toPage();

        GeneratedImage image = first.items().get(0);
        assertEquals("i1", image.id());
        assertEquals("seedream4.0", image.model().value());
        assertFalse(image.model().isKnown());
        assertEquals("21:9", image.aspectRatio().value());
        assertNull(image.style());
        assertEquals("page-2", first.nextPage().orElseThrow());
        assertTrue(second.items().isEmpty());
        assertTrue(second.nextPage().isEmpty());
    }

    @Test
    void cleansAJob() {
        pictory.stubFor(delete("/pictoryapis/v1/jobs/j1/clean").willReturn(okJson("{\"success\":true}")));

        assertTrue(api.cleanJob(RestClients.KEY, "j1").success());
        pictory.verify(deleteRequestedFor(urlEqualTo("/pictoryapis/v1/jobs/j1/clean"))
                .withHeader("Authorization", equalTo(RestClients.KEY)));
    }

    @Test
    void badRequestExposesPictorysFieldsAsData() {
        pictory.stubFor(post("/pictoryapis/v1/aistudio/images").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"INVALID_REQUEST_BODY\",\"message\":\"Invalid request\","
                        + "\"fields\":[{\"name\":\"prompt\",\"errors\":\"length must be at least 5\"}]}")));

        PictoryBadRequestException e = assertThrows(PictoryBadRequestException.class,
                () -> api.createImageJob(RestClients.KEY, ImageJobBody.of(ImageRequest.builder("A cat!").build())));

        assertEquals(400, e.status());
        assertEquals("INVALID_REQUEST_BODY", e.errorCode().orElseThrow());
        assertEquals(new FieldError("prompt", "length must be at least 5"), e.fields().get(0));
        assertTrue(e.getMessage().contains("prompt length must be at least 5"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "401, PictoryAuthenticationException",
            "403, PictoryAuthenticationException",
            "404, PictoryNotFoundException",
            "429, PictoryRateLimitException",
            "500, PictoryServerException",
            "502, PictoryServerException",
            "503, PictoryServerException",
            "409, PictoryServiceException"})
    void mapsEachErrorStatusToItsException(int status, String exceptionName) {
        pictory.stubFor(get("/pictoryapis/v1/jobs/j1").willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Unauthorized\"}")));

        PictoryServiceException e = assertThrows(PictoryServiceException.class, () -> api.getJob(RestClients.KEY, "j1"));

        assertEquals(exceptionName, e.getClass().getSimpleName());
        assertEquals(status, e.status());
        assertFalse(e.getMessage().contains(RestClients.KEY), "the key must not be echoed");
    }

    @Test
    void jobNotFoundInTheOlderEnvelopeIsNotFound() {
        pictory.stubFor(get("/pictoryapis/v1/jobs/missing").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":false,\"error\":{\"error_code\":\"5000\",\"error_message\":\"JOB_NOT_FOUND\"}}")));

        PictoryNotFoundException e = assertThrows(PictoryNotFoundException.class, () -> api.getJob(RestClients.KEY, "missing"));

        // Pictory's helper reports a missing job this way whatever the status: it is not found, not a bad request.
        assertEquals(400, e.status());
        assertEquals("5000", e.errorCode().orElseThrow());
    }

    @Test
    void rateLimitCarriesRetryAfterInSecondsOrAsADate() {
        pictory.stubFor(get("/pictoryapis/v1/jobs/j1").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
        PictoryRateLimitException seconds = assertThrows(PictoryRateLimitException.class, () -> api.getJob(RestClients.KEY, "j1"));
        assertEquals(Duration.ofSeconds(7), seconds.retryAfter().orElseThrow());
        assertTrue(seconds.isTransient());
    }

    @Test
    void anHtmlErrorPageBecomesAReadableMessage() {
        pictory.stubFor(get("/pictoryapis/v1/jobs/j1").willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html><body><h1>502 Bad Gateway</h1></body></html>")));

        PictoryServerException e = assertThrows(PictoryServerException.class, () -> api.getJob(RestClients.KEY, "j1"));

        assertTrue(e.getMessage().contains("body was not Pictory's JSON: <html><body><h1>502 Bad Gateway"), e.getMessage());
    }
}
