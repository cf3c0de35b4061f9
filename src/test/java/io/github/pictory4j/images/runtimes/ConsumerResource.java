package io.github.pictory4j.images.runtimes;

import io.github.pictory4j.images.client.CreditUsage;
import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.JobRequest;
import io.github.pictory4j.images.client.ImageService;
import io.github.pictory4j.images.client.JobRecord;
import io.github.pictory4j.images.client.KeptImage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The consumer's own API over the injected {@link ImageService}, answering plain maps so that each
 * runtime's JSON-B writes the same JSON.
 */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsumerResource {

    @Inject
    ImageService images;

    @Inject
    Config config;

    @POST
    @Path("images")
    public Map<String, String> submit(Map<String, String> fields) {
        return Map.of("jobId", images.submit(request(fields)));
    }

    @POST
    @Path("generate")
    public Map<String, Object> generate(Map<String, String> fields) {
        return job(images.generate(request(fields)));
    }

    @POST
    @Path("generate-async")
    public CompletionStage<Map<String, Object>> generateAsync(Map<String, String> fields) {
        AtomicBoolean returned = new AtomicBoolean();
        CompletionStage<ImageJob> generated = images.generateAsync(request(fields));
        // Set once the call has handed back its stage: a call that parked its thread until the job ended
        // would complete the stage first, and the answer would say false.
        returned.set(true);
        return generated.thenApply(job -> {
            Map<String, Object> answer = job(job);
            answer.put("endedAfterTheCallReturned", returned.get());
            return answer;
        });
    }

    /** What the module read of its configuration, whichever source held it. */
    @GET
    @Path("settings")
    public Map<String, Object> settings() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("hasApiKey", images.hasApiKey());
        answer.put("pollInterval", images.settings().pollInterval().toString());
        answer.put("webhooks", images.webhooksEnabled());
        answer.put("durable", images.durable());
        answer.put("monthlyCredits", String.valueOf(images.budget().monthlyCredits()));
        return answer;
    }

    /** Where the runtime's MicroProfile Config found {@code name}: its value and the source's name. */
    @GET
    @Path("config/{name}")
    public Map<String, String> config(@PathParam("name") String name) {
        ConfigValue value = config.getConfigValue(name);
        return Map.of("value", String.valueOf(value.getValue()), "source", String.valueOf(value.getSourceName()));
    }

    @GET
    @Path("jobs/{id}/record")
    public Map<String, Object> record(@PathParam("id") String id) {
        JobRecord record = images.job(id).orElseThrow(() -> new NotFoundException("no record of " + id));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("jobId", record.jobId());
        answer.put("ended", record.ended());
        answer.put("prompt", record.submittedRequest().map(JobRequest::prompt).orElse(""));
        answer.put("status", record.lastSeen() == null ? "" : record.lastSeen().status().value());
        answer.put("keptImage", String.valueOf(record.image().status()));
        return answer;
    }

    @GET
    @Path("jobs/{id}/image")
    @Produces(MediaType.WILDCARD)
    public Response image(@PathParam("id") String id) throws IOException {
        KeptImage kept = images.keptImage(id).orElseThrow(() -> new NotFoundException("no kept image of " + id));
        try (InputStream bytes = kept.openStream()) {
            return Response.ok(bytes.readAllBytes(), kept.contentType()).build();
        }
    }

    @GET
    @Path("jobs/{id}/callbacks")
    public Map<String, Integer> callbacks(@PathParam("id") String id) {
        return Map.of("accepted", ConsumerWebhook.acceptedCount(id));
    }

    @GET
    @Path("usage")
    public Map<String, String> usage() {
        CreditUsage usage = images.usage();
        return Map.of("spent", usage.today().spent().toPlainString(), "reserved", usage.today().reserved().toPlainString(),
                "limit", String.valueOf(usage.today().limit()));
    }

    private static ImageRequest request(Map<String, String> fields) {
        return ImageRequest.builder(fields.get("prompt")).model(fields.get("model")).build();
    }

    private static Map<String, Object> job(ImageJob job) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("jobId", job.jobId());
        answer.put("status", job.status().value());
        answer.put("url", String.valueOf(job.url()));
        return answer;
    }
}
