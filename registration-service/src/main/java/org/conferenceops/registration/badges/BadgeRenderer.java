package org.conferenceops.registration.badges;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;
import org.conferenceops.events.registration.AccreditationCategory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Draws a badge as PNG: the category colour band, a photo placeholder, the name in Latin script and in the
 * person's own script, the delegation, and the signed QR code (ZXing). Each script is drawn in a font that has it
 * ({@link BadgeFonts}).
 */
@Component
class BadgeRenderer {

    static final int WIDTH = 640;
    static final int HEIGHT = 1000;

    static final Map<AccreditationCategory, Color> COLOURS = Map.of(
            AccreditationCategory.MEMBER_STATE_DELEGATE, new Color(0x00, 0x9E, 0xDB),
            AccreditationCategory.OBSERVER_STATE, new Color(0x6A, 0x1B, 0x9A),
            AccreditationCategory.INTERNATIONAL_ORGANISATION, new Color(0x2E, 0x7D, 0x32),
            AccreditationCategory.UN_OFFICIAL, new Color(0x0D, 0x47, 0xA1),
            AccreditationCategory.MEDIA, new Color(0xEF, 0x6C, 0x00),
            AccreditationCategory.SECURITY_SUPPORT, new Color(0xC6, 0x28, 0x28));

    /** What is printed. */
    record Face(String conferenceName, String fullName, @Nullable String nativeName, String delegation,
            AccreditationCategory category, boolean vip, String qrPayload) {
    }

    private final BadgeFonts fonts;

    BadgeRenderer(BadgeFonts fonts) {
        this.fonts = fonts;
    }

    byte[] png(Face face) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            Color colour = COLOURS.getOrDefault(face.category(), Color.DARK_GRAY);
            g.setColor(colour);
            g.fillRect(0, 0, WIDTH, 110);
            g.fillRect(0, HEIGHT - 70, WIDTH, 70);
            g.setColor(Color.WHITE);
            text(g, face.conferenceName(), Font.BOLD, 30, 30, 68);
            text(g, face.category().name().replace('_', ' ') + (face.vip() ? "  ·  VIP" : ""), Font.BOLD, 26, 30,
                    HEIGHT - 25);
            g.setColor(Color.LIGHT_GRAY);
            g.setStroke(new BasicStroke(3));
            g.drawRect(WIDTH / 2 - 110, 140, 220, 260);
            text(g, "PHOTO", Font.BOLD, 26, WIDTH / 2 - 45, 280);
            g.setColor(Color.BLACK);
            centre(g, face.fullName(), Font.BOLD, 40, 460);
            if (face.nativeName() != null) {
                centre(g, face.nativeName(), Font.PLAIN, 34, 510);
            }
            centre(g, face.delegation(), Font.PLAIN, 28, 560);
            drawQr(g, face.qrPayload(), WIDTH / 2 - 170, 580, 340);
        }
        finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Text at a baseline, each script in its font (ADR 019), bidi and shaping by Java2D, shrunk to fit the card with
     * the same margin on the right as on the left.
     */
    private void text(Graphics2D g, String text, int style, float size, float x, float baseline) {
        if (!text.isEmpty()) {
            fitted(g, text, style, size, WIDTH - 2 * x).draw(g, x, baseline);
        }
    }

    private void centre(Graphics2D g, String text, int style, float size, float baseline) {
        if (!text.isEmpty()) {
            TextLayout layout = fitted(g, text, style, size, WIDTH - 20);
            layout.draw(g, Math.max(10, (WIDTH - layout.getAdvance()) / 2), baseline);
        }
    }

    /**
     * The text at {@code size}, or smaller (down to 60 %) so that a long name or title stays on the card; still too
     * long at 60 %, it is cut at a word (or character) and ends with an ellipsis rather than run off the card.
     */
    private TextLayout fitted(Graphics2D g, String text, int style, float size, float width) {
        TextLayout layout = fonts.layout(text, style, size, g.getFontRenderContext());
        if (layout.getAdvance() <= width) {
            return layout;
        }
        float smaller = Math.max(size * 0.6f, size * width / layout.getAdvance());
        TextLayout shrunk = fonts.layout(text, style, smaller, g.getFontRenderContext());
        String shown = text;
        while (shrunk.getAdvance() > width && shown.length() > 1) {
            int cut = shown.lastIndexOf(' ', shown.length() - 2);
            shown = (cut > 0 ? shown.substring(0, cut) : shown.substring(0, shown.length() - 1)).strip();
            shrunk = fonts.layout(shown + "…", style, smaller, g.getFontRenderContext());
        }
        return shrunk;
    }

    /** The QR code's modules, one bit each when {@code size} is 0, scaled to {@code size} pixels otherwise. */
    static BitMatrix qr(String payload, int size) {
        try {
            return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1));
        }
        catch (WriterException e) {
            throw new IllegalStateException("QR encoding failed", e);
        }
    }

    private static void drawQr(Graphics2D g, String payload, int x, int y, int size) {
        BitMatrix matrix = qr(payload, size);
        g.setColor(Color.BLACK);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int column = 0; column < matrix.getWidth(); column++) {
                if (matrix.get(column, row)) {
                    g.fillRect(x + column, y + row, 1, 1);
                }
            }
        }
    }
}
