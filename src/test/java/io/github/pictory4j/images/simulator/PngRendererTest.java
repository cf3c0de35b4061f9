package io.github.pictory4j.images.simulator;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PngRendererTest {

    private final PngRenderer renderer = new PngRenderer();

    @Test
    void rendersAPngOfTheRatiosSize() throws IOException {
        assertSize("1:1", 1024, 1024);
        assertSize("16:9", 1024, 576);
        assertSize("9:16", 576, 1024);
    }

    @Test
    void thePngStartsWithThePngSignature() {
        byte[] png = renderer.render("A lighthouse at dawn", null, ImageSize.of("1:1"));

        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, Arrays.copyOf(png, 8));
    }

    @Test
    void theImageIsNotAFlatColour() throws IOException {
        BufferedImage image = decode(renderer.render("A lighthouse at dawn", "artistic",
                ImageSize.of("16:9")));

        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 16) {
            for (int x = 0; x < image.getWidth(); x += 16) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 100, colours.size() + " colours");
        assertTrue(image.getRGB(0, 0) != image.getRGB(image.getWidth() - 1, image.getHeight() - 1),
                "the gradient's corners differ");
    }

    @Test
    void theSamePromptLooksTheSameAndAnotherPromptLooksDifferent() {
        ImageSize size = ImageSize.of("1:1");

        byte[] first = renderer.render("A red bicycle", null, size);
        assertArrayEquals(first, renderer.render("A red bicycle", null, size));
        assertFalse(Arrays.equals(first, renderer.render("A blue bicycle", null, size)));
        assertFalse(Arrays.equals(first, renderer.render("A red bicycle", "vintage", size)));
    }

    @Test
    void everyStyleRenders() throws IOException {
        for (String style : PictoryCatalog.STYLES) {
            BufferedImage image = decode(renderer.render("A city at night", style, ImageSize.of("9:16")));
            assertEquals(576, image.getWidth(), style);
        }
    }

    @Test
    void theLongestPromptAndAnUnbreakableWordStillFit() throws IOException {
        String longest = "word ".repeat(1000).trim();
        String oneWord = "x".repeat(5000);

        assertEquals(1024, decode(renderer.render(longest, null, ImageSize.of("1:1"))).getWidth());
        assertEquals(576, decode(renderer.render(oneWord, null, ImageSize.of("16:9"))).getHeight());
    }

    private void assertSize(String ratio, int width, int height) throws IOException {
        BufferedImage image = decode(renderer.render("A lighthouse at dawn, oil painting", null, ImageSize.of(ratio)));
        assertEquals(width, image.getWidth(), ratio);
        assertEquals(height, image.getHeight(), ratio);
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "ImageIO could not read the PNG");
        return image;
    }
}
