package io.github.pictory4j.images.client;

/**
 * One image from the account's history ({@code GET /v1/aistudio/images}).
 *
 * @param createdDate as Pictory formats it (kept as text: the format is not documented)
 */
public record GeneratedImage(
        String id,
        String url,
        String prompt,
        AspectRatio aspectRatio,
        ImageModel model,
        Integer width,
        Integer height,
        ImageStyle style,
        String referenceImageUrl,
        String createdDate) {
}
