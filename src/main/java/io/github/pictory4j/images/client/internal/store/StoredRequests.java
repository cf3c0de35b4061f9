package io.github.pictory4j.images.client.internal.store;

import io.github.pictory4j.images.client.ImageRequest;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * A submitted request as a store keeps it: a kind ({@value #IMAGE}) and the request as JSON (JSON-B, whose
 * adapters write the open values as Pictory's plain strings). The kind says how to read the JSON back, so
 * that a later kind of Pictory job is a new case here, not new columns.
 */
public final class StoredRequests {

    /** The kind of an {@link ImageRequest}. */
    public static final String IMAGE = "image";

    private static final Jsonb JSONB = JsonbBuilder.create();

    private StoredRequests() {
    }

    /** A request, stored as its kind and its JSON. */
    public record Stored(String kind, String json) {
    }

    public static Stored encode(ImageRequest request) {
        return new Stored(IMAGE, JSONB.toJson(request));
    }

    /** The request a row holds; null when it holds none (a job only waited for). */
    public static ImageRequest decode(String kind, String json) {
        if (kind == null || json == null) {
            return null;
        }
        if (IMAGE.equals(kind)) {
            return JSONB.fromJson(json, ImageRequest.class);
        }
        throw new IllegalStateException("A stored request is of kind '" + kind + "', which this release of pictory4j"
                + " does not know: the database was written by a newer release; upgrade pictory4j");
    }
}
