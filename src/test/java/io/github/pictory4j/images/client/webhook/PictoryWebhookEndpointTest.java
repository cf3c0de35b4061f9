package io.github.pictory4j.images.client.webhook;

import io.github.pictory4j.images.client.ImageService;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The endpoint's hook for apps: {@code accepted} hears of each genuine callback with the job id the body
 * names, in any of the shapes the endpoint reads, and of nothing else.
 */
class PictoryWebhookEndpointTest {

    private final List<String> noted = new ArrayList<>();
    private final PictoryWebhookEndpoint endpoint = new PictoryWebhookEndpoint() {
        @Override
        protected void accepted(String jobId) {
            noted.add(jobId);
        }
    };

    PictoryWebhookEndpointTest() {
        // Only the callback is answered; anything else the endpoint called would fail the test.
        endpoint.images = (ImageService) Proxy.newProxyInstance(ImageService.class.getClassLoader(),
                new Class<?>[] {ImageService.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("acceptCallback")) {
                        String token = (String) arguments[0];
                        String claimedJobId = (String) arguments[1];
                        return "genuine".equals(token) && (claimedJobId == null || "job-1".equals(claimedJobId));
                    }
                    throw new AssertionError("called " + method.getName());
                });
    }

    private int call(String token, String body) {
        return endpoint.callback(token, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).getStatus();
    }

    @Test
    void eachGenuineCallbackIsNotedWithItsJobIdWhicheverShapeTheBodyHas() {
        assertEquals(204, call("genuine", "{\"job_id\":\"job-1\",\"status\":\"completed\"}"));
        assertEquals(204, call("genuine", "{\"jobId\":\"job-1\"}"));
        assertEquals(204, call("genuine", "{\"data\":{\"jobId\":\"job-1\"}}"));

        assertEquals(List.of("job-1", "job-1", "job-1"), noted);
    }

    @Test
    void aRefusedCallbackOrOneThatNamesNoJobIsNotNoted() {
        assertEquals(401, call("forged", "{\"job_id\":\"job-1\"}"));
        assertEquals(401, call("genuine", "{\"job_id\":\"job-2\"}"));
        assertEquals(204, call("genuine", ""));

        assertEquals(List.of(), noted);
    }
}
