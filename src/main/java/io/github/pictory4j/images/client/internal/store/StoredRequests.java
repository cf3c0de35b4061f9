package io.github.pictory4j.images.client.internal.store;

import io.github.pictory4j.images.client.JobRequest;
import io.github.pictory4j.images.client.internal.http.JobKind;
import io.github.pictory4j.images.client.internal.http.JobKinds;
import io.github.pictory4j.images.client.internal.http.PictoryJsonb;

/**
 * A submitted request as a store keeps it: its kind's name ({@link JobKind#name()}, "image") and the request as
 * JSON (JSON-B, whose adapters write the open values as Pictory's plain strings). The kind says which type reads
 * the JSON back, so a later kind of Pictory job needs nothing here and no new columns: only its entry in
 * {@link JobKinds}.
 */
public final class StoredRequests {

    private StoredRequests() {
    }

    /** A request, stored as its kind and its JSON. */
    public record Stored(String kind, String json) {
    }

    public static Stored encode(JobRequest request) {
        return new Stored(JobKinds.of(request).name(), PictoryJsonb.shared().toJson(request));
    }

    /** The request a row holds; null when it holds none (a job only waited for). */
    public static JobRequest decode(String kind, String json) {
        if (kind == null || json == null) {
            return null;
        }
        JobKind<?> known = JobKinds.named(kind).orElseThrow(() -> new IllegalStateException("A stored request is of kind '"
                + kind + "', which this release of pictory4j does not know: the database was written by a newer release;"
                + " upgrade pictory4j"));
        return PictoryJsonb.shared().fromJson(json, known.requestType());
    }
}
