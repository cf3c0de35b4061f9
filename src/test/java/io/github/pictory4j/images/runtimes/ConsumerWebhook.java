package io.github.pictory4j.images.runtimes;

import io.github.pictory4j.images.client.webhook.PictoryWebhookEndpoint;
import jakarta.ws.rs.Path;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The consumer's webhook endpoint, enabled as the README says, counting the callbacks it accepted. */
@Path("webhook")
public class ConsumerWebhook extends PictoryWebhookEndpoint {

    static final Map<String, AtomicInteger> ACCEPTED = new ConcurrentHashMap<>();

    @Override
    protected void accepted(String jobId) {
        ACCEPTED.computeIfAbsent(jobId, id -> new AtomicInteger()).incrementAndGet();
    }

    static int acceptedCount(String jobId) {
        AtomicInteger count = ACCEPTED.get(jobId);
        return count == null ? 0 : count.get();
    }
}
