package io.github.pictory4j.images.client;

import io.github.pictory4j.images.client.internal.http.PlainStrings;
import jakarta.json.bind.annotation.JsonbTypeAdapter;

import java.util.List;

/**
 * The state of a Pictory job. A status this library does not know (say {@code "queued"}) is treated
 * as still running: only the known terminal states end a wait.
 */
@JsonbTypeAdapter(PlainStrings.Status.class)
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
}
