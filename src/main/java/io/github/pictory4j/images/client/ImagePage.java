package io.github.pictory4j.images.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of past images, newest first.
 *
 * @param items       up to 100 images
 * @param nextPageKey the key of the next page, absent on the last page
 */
public record ImagePage(List<GeneratedImage> items, String nextPageKey) {

    public ImagePage {
        items = items == null ? List.of() : items.stream().filter(Objects::nonNull).toList();
    }

    public Optional<String> nextPage() {
        return Optional.ofNullable(nextPageKey).filter(key -> !key.isBlank());
    }
}
