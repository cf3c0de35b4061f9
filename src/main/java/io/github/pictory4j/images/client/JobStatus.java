package io.github.pictory4j.images.client;

import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.bind.annotation.JsonbTypeAdapter;

import java.util.List;

/**
 * The state of a Pictory job. A status this library does not know (say {@code "queued"}) is treated
 * as still running: only the known terminal states end a wait.
 */
@JsonbTypeAdapter(JobStatus.Json.class)
public final class JobStatus extends PictoryValue {

    public static final JobStatus IN_PROGRESS = new JobStatus("in-progress", true);
    public static final JobStatus COMPLETED = new JobStatus("completed", true);
    public static final JobStatus FAILED = new JobStatus("failed", true);
    public static final JobStatus CLEANED = new JobStatus("cleaned", true);

    private static final List<JobStatus> KNOWN = List.of(IN_PROGRESS, COMPLETED, FAILED, CLEANED);

    private JobStatus(String value, boolean known) {
        super(value, known);
    }

    public static JobStatus of(String value) {
        return lookup(KNOWN, value, unknown -> new JobStatus(unknown, false));
    }

    public static List<JobStatus> knownValues() {
        return KNOWN;
    }

    /** Completed, failed or cleaned: the job will not change any more. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CLEANED;
    }

    /** JSON-B mapping to and from the plain string. */
    public static final class Json implements JsonbAdapter<JobStatus, String> {
        @Override
        public String adaptToJson(JobStatus status) {
            return status.value();
        }

        @Override
        public JobStatus adaptFromJson(String value) {
            return of(value);
        }
    }
}
