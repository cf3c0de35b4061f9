package io.github.pictory4j.images.client.internal.http;

import io.github.pictory4j.images.client.AspectRatio;
import io.github.pictory4j.images.client.ImageModel;
import io.github.pictory4j.images.client.ImageStyle;
import io.github.pictory4j.images.client.JobStatus;
import jakarta.json.bind.adapter.JsonbAdapter;

/**
 * JSON-B's mapping of Pictory's open values to and from plain strings ({@code "flux-schnell"}, {@code "16:9"})
 * in an application's own JSON (the sample's API returns jobs and records): the public types name these in
 * {@code @JsonbTypeAdapter}. The module's own calls do not rely on them: its wire types
 * ({@link ImageJobBody}, {@link ImagesPageBody}, {@link JobData}) carry plain strings. Unknown values are kept.
 */
public final class PlainStrings {

    private PlainStrings() {
    }

    public static final class Model implements JsonbAdapter<ImageModel, String> {
        @Override
        public String adaptToJson(ImageModel model) {
            return model.value();
        }

        @Override
        public ImageModel adaptFromJson(String value) {
            return ImageModel.of(value);
        }
    }

    public static final class Ratio implements JsonbAdapter<AspectRatio, String> {
        @Override
        public String adaptToJson(AspectRatio ratio) {
            return ratio.value();
        }

        @Override
        public AspectRatio adaptFromJson(String value) {
            return AspectRatio.of(value);
        }
    }

    public static final class Style implements JsonbAdapter<ImageStyle, String> {
        @Override
        public String adaptToJson(ImageStyle style) {
            return style.value();
        }

        @Override
        public ImageStyle adaptFromJson(String value) {
            return ImageStyle.of(value);
        }
    }

    public static final class Status implements JsonbAdapter<JobStatus, String> {
        @Override
        public String adaptToJson(JobStatus status) {
            return status.value();
        }

        @Override
        public JobStatus adaptFromJson(String value) {
            return JobStatus.of(value);
        }
    }
}
