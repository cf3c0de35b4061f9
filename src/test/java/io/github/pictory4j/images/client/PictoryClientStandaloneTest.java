package io.github.pictory4j.images.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientBuilderResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link PictoryClient} from plain Java SE, as an app without CDI uses it: the MicroProfile REST Client
 * and Bean Validation implementations are found on the class path (RESTEasy and Hibernate Validator
 * here), the client starts its own threads and stops them on close, and every request is validated
 * before anything is sent, with the same violation paths as in a container.
 */
class PictoryClientStandaloneTest {

    private static final String IMAGES = "/pictoryapis/v1/aistudio/images";
    private static final String COMPLETED = "{\"job_id\":\"job-se\",\"success\":true,\"data\":{\"status\":\"completed\","
            + "\"url\":\"https://cdn.example/job-se.png\",\"width\":1024,\"height\":576,\"aiCreditsUsed\":0.6}}";

    @RegisterExtension
    static WireMockExtension pictory = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static PictorySettings fast() {
        return new PictorySettings(Duration.ofMillis(50), Duration.ofSeconds(10), RetryPolicy.none());
    }

    @Test
    void aBuiltClientGeneratesAnImageAndStopsItsThreadsOnClose() {
        pictory.stubFor(post(IMAGES).willReturn(okJson("{\"success\":true,\"data\":{\"jobId\":\"job-se\"}}")));
        pictory.stubFor(get("/pictoryapis/v1/jobs/job-se").willReturn(okJson(COMPLETED)));

        try (PictoryClient client = PictoryClient.builder().apiKey(RestClients.KEY)
                .baseUrl(pictory.baseUrl() + "/pictoryapis").settings(fast()).build()) {
            ImageJob job = client.generate(ImageRequest.builder("A lighthouse at dawn").model(ImageModel.FLUX_SCHNELL)
                    .aspectRatio(AspectRatio.LANDSCAPE_16_9).build());
            assertEquals("https://cdn.example/job-se.png", job.url());
            assertTrue(ownThreads() > 0);
        }

        pictory.verify(1, postRequestedFor(urlEqualTo(IMAGES)).withHeader("Authorization", equalTo(RestClients.KEY)));
        assertEquals(0, ownThreads(), "close() stops the client's own scheduler");
    }

    @Test
    void invalidRequestsAreRefusedBeforeAnythingIsSentWithTheContainersPaths() {
        try (PictoryClient client = PictoryClient.builder().apiKey(RestClients.KEY)
                .baseUrl(pictory.baseUrl() + "/pictoryapis").build()) {
            ImageRequest bad = ImageRequest.builder("abc").model("flux-schnell").aspectRatio("4:3").build();

            assertEquals(Set.of("submit.request.prompt", "submit.request.aspectRatio"),
                    paths(assertThrows(ConstraintViolationException.class, () -> client.submit(bad))));
            assertEquals(Set.of("generate.request.prompt", "generate.request.aspectRatio"),
                    paths(assertThrows(ConstraintViolationException.class, () -> client.generate(bad, Duration.ofSeconds(1)))));
            assertEquals(Set.of("submitAsync.request"),
                    paths(assertThrows(ConstraintViolationException.class, () -> client.submitAsync(null))));
            assertEquals(Set.of("getJob.jobId"),
                    paths(assertThrows(ConstraintViolationException.class, () -> client.getJob("../aistudio/images"))));
            assertEquals(Set.of("awaitJobAsync.jobId"),
                    paths(assertThrows(ConstraintViolationException.class, () -> client.awaitJobAsync("a/b"))));
        }
        pictory.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void fromConfigReadsTheKeyTheUrlAndTheSettings() {
        pictory.stubFor(post(IMAGES).willReturn(okJson("{\"success\":true,\"data\":{\"jobId\":\"job-se\"}}")));
        Config config = config(Map.of(PictorySettings.API_KEY, "pictai_from_config_1234",
                PictorySettings.BASE_URL, pictory.baseUrl() + "/pictoryapis",
                PictorySettings.READ_TIMEOUT, "2000",
                PictorySettings.POLL_INTERVAL, "250ms"));

        try (PictoryClient client = PictoryClient.fromConfig(config)) {
            assertEquals("job-se", client.submit(ImageRequest.builder("A lighthouse at dawn").build()));
            assertEquals(Duration.ofMillis(250), client.settings().pollInterval());
            assertFalse(client.webhooksEnabled());
        }
        pictory.verify(1, postRequestedFor(urlEqualTo(IMAGES)).withHeader("Authorization", equalTo("pictai_from_config_1234")));
    }

    @Test
    void fromConfigWithoutAKeySendsNothingAndSaysWhereToSetIt() {
        try (PictoryClient client = PictoryClient.fromConfig(config(Map.of(PictorySettings.BASE_URL,
                pictory.baseUrl() + "/pictoryapis")))) {
            PictoryConfigurationException e = assertThrows(PictoryConfigurationException.class,
                    () -> client.submit(ImageRequest.builder("A lighthouse at dawn").build()));

            assertTrue(e.getMessage().contains("pictory.api-key"), e.getMessage());
            assertTrue(e.getMessage().contains("PICTORY_API_KEY"), e.getMessage());
        }
        pictory.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void fromConfigRefusesUnusableSettingsNamingThemAndTheirVariables() {
        Map<String, String> unusable = Map.of(
                PictorySettings.POLL_INTERVAL, "15",
                PictorySettings.RETRY_MAX_RETRIES, "-1",
                PictorySettings.READ_TIMEOUT, "soon",
                "pictory.webhook.url", "https://app.example.com/hook");
        Map<String, String> variables = Map.of(
                PictorySettings.POLL_INTERVAL, "PICTORY_POLL_INTERVAL",
                PictorySettings.RETRY_MAX_RETRIES, "PICTORY_RETRY_MAX_RETRIES",
                PictorySettings.READ_TIMEOUT, "PICTORY_MP_REST_READTIMEOUT",
                "pictory.webhook.url", "PICTORY_WEBHOOK_SECRET");
        unusable.forEach((key, value) -> {
            PictoryConfigurationException e = assertThrows(PictoryConfigurationException.class,
                    () -> PictoryClient.fromConfig(config(Map.of(key, value, PictorySettings.API_KEY, "pictai_x"))), key);
            assertTrue(e.getMessage().contains(variables.get(key)), e.getMessage());
        });
    }

    @Test
    void aBuilderWithoutAKeyIsRefusedAtOnce() {
        PictoryConfigurationException e = assertThrows(PictoryConfigurationException.class,
                () -> PictoryClient.builder().build());

        assertTrue(e.getMessage().contains("pictory.api-key"), e.getMessage());
    }

    @Test
    void aRestClientThatCannotBeBuiltIsReportedAtTheFirstCallWithTheFix() {
        // The REST client is built at its first call: an implementation found at start that cannot build one
        // (no JSON-B provider, say) must still fail with the module's message, not RESTEasy's bare exception.
        RestClientBuilderResolver.setInstance(new RestClientBuilderResolver() {
            @Override
            public RestClientBuilder newBuilder() {
                return (RestClientBuilder) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[]{RestClientBuilder.class}, (proxy, method, args) -> {
                            if (method.getName().equals("build")) {
                                throw new IllegalStateException("no JSON-B provider");
                            }
                            return proxy;
                        });
            }
        });
        try (PictoryClient client = PictoryClient.builder().apiKey(RestClients.KEY)
                .baseUrl(pictory.baseUrl() + "/pictoryapis").build()) {
            PictoryConfigurationException e = assertThrows(PictoryConfigurationException.class,
                    () -> client.submit(ImageRequest.builder("A lighthouse at dawn").build()));

            assertTrue(e.getMessage().contains("No MicroProfile REST Client implementation"), e.getMessage());
            assertTrue(e.getMessage().contains("no JSON-B provider"), e.getMessage());
        } finally {
            RestClientBuilderResolver.setInstance(null);
        }
        pictory.verify(0, anyRequestedFor(anyUrl()));
    }

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withDefaultValues(values).build();
    }

    private static Set<String> paths(ConstraintViolationException e) {
        Set<String> paths = new TreeSet<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            paths.add(violation.getPropertyPath().toString());
        }
        return paths;
    }

    private static long ownThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("pictory4j-") && thread.isAlive()).count();
    }
}
