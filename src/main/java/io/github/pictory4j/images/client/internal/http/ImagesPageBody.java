package io.github.pictory4j.images.client.internal.http;

import io.github.pictory4j.images.client.AspectRatio;
import io.github.pictory4j.images.client.GeneratedImage;
import io.github.pictory4j.images.client.ImageModel;
import io.github.pictory4j.images.client.ImagePage;
import io.github.pictory4j.images.client.ImageStyle;

import java.util.List;
import java.util.Objects;

/**
 * The answer of {@code GET /v1/aistudio/images} as Pictory writes it (no envelope), read into the public
 * {@link ImagePage} by {@link #toPage()}. Unknown fields are ignored, unknown models and styles kept.
 */
public record ImagesPageBody(List<Item> items, String nextPageKey) {

    /** One past image on the wire. */
    public record Item(String id, String url, String prompt, String aspectRatio, String model, Integer width,
                       Integer height, String style, String referenceImageUrl, String createdDate) {

        GeneratedImage toImage() {
            return new GeneratedImage(id, url, prompt, aspectRatio == null ? null : AspectRatio.of(aspectRatio),
                    model == null ? null : ImageModel.of(model), width, height,
                    style == null ? null : ImageStyle.of(style), referenceImageUrl, createdDate);
        }
    }

    public ImagePage toPage() {
        List<GeneratedImage> images = items == null ? List.of()
                : items.stream().filter(Objects::nonNull).map(Item::toImage).toList();
        return new ImagePage(images, nextPageKey);
    }
}
