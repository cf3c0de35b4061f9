package io.github.pictory4j.images.client.internal.http;

import io.github.pictory4j.images.client.JobRequest;

/**
 * A kind of Pictory job: the request type an application submits, its name in the job store, and how it
 * goes on the wire. Everything after the submission (the job's id, polls, the end, the credits) is the
 * same for every kind, so this is all a new kind adds; {@link JobKinds} lists them.
 *
 * @param name        its name in the job store's records; never changed once released
 * @param requestType the public request type
 * @param submitting  what a submission is called in errors and retries ("Submitting an image job")
 * @param sender      its endpoint, with the request turned into its wire body
 */
public record JobKind<R extends JobRequest>(String name, Class<R> requestType, String submitting, Sender<R> sender) {

    /** Sends one submission of this kind. */
    @FunctionalInterface
    public interface Sender<R> {
        CreateJobResponse send(PictoryImagesApi api, String apiKey, R request);
    }

    CreateJobResponse send(PictoryImagesApi api, String apiKey, JobRequest request) {
        return sender.send(api, apiKey, requestType.cast(request));
    }
}
