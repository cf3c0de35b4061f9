package io.github.pictory4j.images.client.internal.http;

import io.github.pictory4j.images.client.ImageRequest;
import io.github.pictory4j.images.client.JobRequest;

import java.util.List;
import java.util.Optional;

/** The kinds of job this release submits: a new kind of Pictory job is one more entry here. */
public final class JobKinds {

    /** {@code POST /v1/aistudio/images}. */
    public static final JobKind<ImageRequest> IMAGE = new JobKind<>("image", ImageRequest.class,
            "Submitting an image job", (api, key, request) -> api.createImageJob(key, ImageJobBody.of(request)));

    private static final List<JobKind<?>> ALL = List.of(IMAGE);

    private JobKinds() {
    }

    /**
     * The kind of {@code request}.
     *
     * @throws IllegalArgumentException for a request type this release cannot send
     */
    public static JobKind<?> of(JobRequest request) {
        return ALL.stream().filter(kind -> kind.requestType().isInstance(request)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("pictory4j cannot submit a "
                        + request.getClass().getName() + ": the job requests it sends are "
                        + ALL.stream().map(kind -> kind.requestType().getSimpleName()).toList()));
    }

    /** The kind recorded under {@code name}, if this release knows it. */
    public static Optional<JobKind<?>> named(String name) {
        return ALL.stream().filter(kind -> kind.name().equals(name)).findFirst();
    }
}
