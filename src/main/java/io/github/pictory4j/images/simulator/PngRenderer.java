package io.github.pictory4j.images.simulator;

import jakarta.enterprise.context.ApplicationScoped;

import javax.imageio.ImageIO;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Draws a stand-in for a generated image: a gradient and a few soft shapes whose colours follow from
 * the prompt (the same prompt always looks the same, different prompts look different), tinted by the
 * style, with the prompt's words written over it. Plain Java2D and ImageIO, nothing to install.
 */
@ApplicationScoped
public class PngRenderer {

    private static final Logger LOG = Logger.getLogger(PngRenderer.class.getName());
    private static final int MIN_FONT_SIZE = 12;
    private static final String ELLIPSIS = "…";

    /** The PNG bytes of an image of {@code size} for {@code prompt}; {@code style} (one of Pictory's) may be null. */
    public byte[] render(String prompt, String style, ImageSize size) {
        BufferedImage image = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Random random = new Random(prompt.hashCode());
            Palette palette = Palette.of(style, random);
            paintBackground(g, size, palette, random);
            try {
                paintWords(g, size, prompt);
            } catch (RuntimeException | InternalError | LinkageError noFonts) {
                // A server without fonts still gets an image, just without the words.
                LOG.log(Level.FINE, "Could not draw the prompt's words; the image has the background only", noFonts);
            }
        } finally {
            g.dispose();
        }
        return png(image);
    }

    private static void paintBackground(Graphics2D g, ImageSize size, Palette palette, Random random) {
        int w = size.width();
        int h = size.height();
        g.setPaint(new GradientPaint(0, 0, palette.from(), w, h, palette.to()));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 7; i++) {
            int diameter = (int) (Math.min(w, h) * (0.15 + random.nextDouble() * 0.5));
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.12f + random.nextFloat() * 0.2f));
            g.setColor(i % 2 == 0 ? palette.accent() : Color.WHITE);
            g.fillOval(random.nextInt(w) - diameter / 2, random.nextInt(h) - diameter / 2, diameter, diameter);
        }
        g.setComposite(AlphaComposite.SrcOver);
    }

    private static void paintWords(Graphics2D g, ImageSize size, String prompt) {
        int w = size.width();
        int h = size.height();
        int maxWidth = (int) (w * 0.84);
        int maxHeight = (int) (h * 0.8);
        int fontSize = Math.max(MIN_FONT_SIZE, w / 14);
        List<String> lines;
        FontMetrics metrics;
        while (true) {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, fontSize));
            metrics = g.getFontMetrics();
            lines = wrap(prompt.strip(), metrics, maxWidth);
            if (lines.size() * metrics.getHeight() <= maxHeight || fontSize == MIN_FONT_SIZE) {
                break;
            }
            fontSize = Math.max(MIN_FONT_SIZE, fontSize * 4 / 5);
        }
        int maxLines = Math.max(1, maxHeight / metrics.getHeight());
        if (lines.size() > maxLines) {
            lines = new ArrayList<>(lines.subList(0, maxLines));
            lines.set(maxLines - 1, lines.get(maxLines - 1) + ELLIPSIS);
        }
        int blockHeight = lines.size() * metrics.getHeight();
        int top = (h - blockHeight) / 2;
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.35f));
        g.setColor(Color.BLACK);
        int pad = metrics.getHeight() / 2;
        g.fillRoundRect((w - maxWidth) / 2 - pad, top - pad, maxWidth + 2 * pad, blockHeight + 2 * pad, pad, pad);
        g.setComposite(AlphaComposite.SrcOver);
        int baseline = top + metrics.getAscent();
        for (String line : lines) {
            int x = (w - metrics.stringWidth(line)) / 2;
            g.setColor(new Color(0, 0, 0, 140));
            g.drawString(line, x + 2, baseline + 2);
            g.setColor(Color.WHITE);
            g.drawString(line, x, baseline);
            baseline += metrics.getHeight();
        }
    }

    /** The text in lines no wider than {@code maxWidth}, breaking words that are wider on their own. */
    static List<String> wrap(String text, FontMetrics metrics, int maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (metrics.stringWidth(candidate) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (metrics.stringWidth(rest) > maxWidth && rest.length() > 1) {
                int fits = 1;
                while (fits < rest.length() && metrics.stringWidth(rest.substring(0, fits + 1)) <= maxWidth) {
                    fits++;
                }
                lines.add(rest.substring(0, fits));
                rest = rest.substring(fits);
            }
            line.append(rest);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("This Java runtime has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Two gradient ends and an accent: hues from the prompt, saturation and brightness from the style. */
    private record Palette(Color from, Color to, Color accent) {

        /** Saturation and brightness per style of Pictory's; the prompt's own colours without one. */
        private static final Map<String, float[]> TONES = Map.of(
                "photorealistic", new float[]{0.45f, 0.7f},
                "artistic", new float[]{0.8f, 0.85f},
                "cartoon", new float[]{1f, 1f},
                "minimalist", new float[]{0.12f, 0.95f},
                "vintage", new float[]{0.45f, 0.7f},
                "futuristic", new float[]{0.9f, 0.55f});
        private static final float[] NO_STYLE = {0.65f, 0.8f};

        static Palette of(String style, Random random) {
            float hue = random.nextFloat();
            float spread = 0.15f + random.nextFloat() * 0.35f;
            if ("vintage".equals(style)) {
                hue = 0.07f + hue * 0.06f; // sepia browns whatever the prompt
                spread = 0.02f;
            }
            float[] tone = style == null ? NO_STYLE : TONES.getOrDefault(style, NO_STYLE);
            float saturation = tone[0];
            float brightness = tone[1];
            return new Palette(Color.getHSBColor(hue, saturation, brightness),
                    Color.getHSBColor(hue + spread, saturation, brightness * 0.6f),
                    Color.getHSBColor(hue + 0.5f, Math.min(1f, saturation + 0.2f), 1f));
        }
    }
}
