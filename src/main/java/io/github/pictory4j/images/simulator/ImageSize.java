package io.github.pictory4j.images.simulator;

/** The pixel size of a simulated image: 1024 on the long side, the ratio's share on the other. */
public record ImageSize(int width, int height) {

    private static final int LONG_SIDE = 1024;

    /** The size for a ratio such as {@code "16:9"}; square for anything that is not a ratio. */
    public static ImageSize of(String ratio) {
        String[] parts = ratio.split(":");
        try {
            int across = Integer.parseInt(parts[0]);
            int down = Integer.parseInt(parts[1]);
            return across >= down
                    ? new ImageSize(LONG_SIDE, Math.round(LONG_SIDE * (float) down / across))
                    : new ImageSize(Math.round(LONG_SIDE * (float) across / down), LONG_SIDE);
        } catch (RuntimeException notARatio) {
            return new ImageSize(LONG_SIDE, LONG_SIDE);
        }
    }
}
