package io.github.pictory4j.images.client;

import java.util.Optional;

/** The job ended {@code failed}, or was cleaned before its image was collected; see {@link #job()}. */
public class ImageJobFailedException extends PictoryException {

    private final ImageJob job;

    public ImageJobFailedException(ImageJob job) {
        super(describe(job));
        this.job = job;
    }

    private static String describe(ImageJob job) {
        if (JobStatus.CLEANED.equals(job.status())) {
            return "Pictory job " + job.jobId() + " was cleaned: its outputs are gone";
        }
        return "Pictory job " + job.jobId() + " failed"
                + (job.errorCode() == null ? "" : " with error " + job.errorCode())
                + (job.errorMessage() == null ? "" : ": " + job.errorMessage());
    }

    public ImageJob job() {
        return job;
    }

    public Optional<String> errorCode() {
        return Optional.ofNullable(job.errorCode());
    }

    public Optional<String> errorMessage() {
        return Optional.ofNullable(job.errorMessage());
    }
}
