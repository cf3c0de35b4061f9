package io.github.pictory4j.images.client.internal.http;

import io.github.pictory4j.images.client.ImageJob;
import io.github.pictory4j.images.client.ImagePage;
import io.github.pictory4j.images.client.JobRequest;
import io.github.pictory4j.images.client.internal.http.RetryExecutor.Start;
import io.github.pictory4j.images.client.internal.telemetry.JobReads;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Pictory's four endpoints as the rest of the client uses them: each call carries the API key, is
 * retried as the policy allows, and its answer is decoded into the library's types or exceptions.
 * The key is read when the call is made, so that a rotated key is used without a restart, and a
 * missing key fails before anything is sent.
 */
public final class PictoryGateway {

    private final PictoryImagesApi api;
    private final Supplier<String> apiKey;
    private final ResponseDecoder decoder;
    private final RetryExecutor retries;
    private final JobReads reads;

    /** @param reads counts each read of a job sent (retries included), for the metrics */
    public PictoryGateway(PictoryImagesApi api, Supplier<String> apiKey, ResponseDecoder decoder, RetryExecutor retries,
                          JobReads reads) {
        this.api = api;
        this.apiKey = apiKey;
        this.decoder = decoder;
        this.retries = retries;
        this.reads = reads;
    }

    /** Throws the {@link io.github.pictory4j.images.client.PictoryConfigurationException} of a missing key, if it is. */
    public void checkKey() {
        apiKey.get();
    }

    /** Starts a job of {@code kind}: the new job's id. Not re-sent when Pictory may have received it. */
    public CompletableFuture<String> create(JobKind<?> kind, JobRequest request, Start start) {
        String key = apiKey.get();
        return retries.run(kind.submitting(), false,
                () -> decoder.jobId(kind.submitting(), kind.send(api, key, request)), start);
    }

    /** {@code GET /v1/jobs/{jobId}}: the job's state now. */
    public CompletableFuture<ImageJob> read(String jobId, Start start) {
        String key = apiKey.get();
        return retries.run(reading(jobId), true, () -> {
            reads.read(jobId);
            return decoder.job(jobId, api.getJob(key, jobId));
        }, start);
    }

    /** {@code DELETE /v1/jobs/{jobId}/clean}. */
    public CompletableFuture<Void> clean(String jobId, Start start) {
        String key = apiKey.get();
        return retries.run("Cleaning job " + jobId, true, () -> {
            decoder.cleaned(jobId, api.cleanJob(key, jobId));
            return null;
        }, start);
    }

    /** {@code GET /v1/aistudio/images}: one page of past images. */
    public CompletableFuture<ImagePage> list(String nextPageKey, Start start) {
        String key = apiKey.get();
        return retries.run(LIST, true, () -> decoder.page(api.listImages(key, nextPageKey)), start);
    }

    public static final String LIST = "Listing images";

    public static String reading(String jobId) {
        return "Reading job " + jobId;
    }
}
