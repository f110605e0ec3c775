package org.conferenceops.registration.badges;

import com.google.zxing.common.BitMatrix;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;
import org.springframework.stereotype.Component;

/**
 * Draws a badge as a one-page PDF (Apache PDFBox, ADR 017) with the layout of the PNG: category colour bands, photo
 * placeholder, name, name in the person's own script, delegation and the signed QR code as vector squares.
 *
 * <p>Text is real, searchable text in Liberation Sans, the font PDFBox itself ships (Latin, Greek, Cyrillic),
 * embedded as a subset. A line that font cannot show (a native-script name in Arabic or Chinese) is drawn by Java2D,
 * which shapes right-to-left scripts, and placed as an image: its glyphs come from the fonts installed on the host,
 * so a host without Arabic or CJK fonts prints boxes there (ADR 017).
 */
@Component
class BadgePdfRenderer {

    /** Points per pixel of the PNG layout: 640 × 1000 px become 288 × 450 pt (4 × 6.25 in). */
    private static final float SCALE = 0.45f;
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    byte[] pdf(BadgeRenderer.Face face) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Badge: " + face.fullName());
            info.setSubject(face.conferenceName());
            PDPage page = new PDPage(new PDRectangle(BadgeRenderer.WIDTH * SCALE, BadgeRenderer.HEIGHT * SCALE));
            document.addPage(page);
            PDType0Font font;
            try (InputStream in = BadgePdfRenderer.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IllegalStateException("PDFBox font resource missing: " + FONT);
                }
                font = PDType0Font.load(document, in);
            }
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.transform(Matrix.getScaleInstance(SCALE, SCALE));
                draw(document, content, font, face);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void draw(PDDocument document, PDPageContentStream content, PDType0Font font,
            BadgeRenderer.Face face) throws IOException {
        Color colour = BadgeRenderer.COLOURS.getOrDefault(face.category(), Color.DARK_GRAY);
        content.setNonStrokingColor(colour);
        rect(content, 0, 0, BadgeRenderer.WIDTH, 110);
        rect(content, 0, BadgeRenderer.HEIGHT - 70, BadgeRenderer.WIDTH, 70);
        content.fill();
        Line white = new Line(document, content, font, Color.WHITE);
        white.at(30, face.conferenceName(), 30, 68);
        white.at(26, face.category().name().replace('_', ' ') + (face.vip() ? "  ·  VIP" : ""), 30,
                BadgeRenderer.HEIGHT - 25);
        content.setStrokingColor(Color.LIGHT_GRAY);
        content.setLineWidth(3);
        rect(content, BadgeRenderer.WIDTH / 2f - 110, 140, 220, 260);
        content.stroke();
        new Line(document, content, font, Color.LIGHT_GRAY).at(26, "PHOTO", BadgeRenderer.WIDTH / 2f - 45, 280);
        Line black = new Line(document, content, font, Color.BLACK);
        black.centred(40, face.fullName(), 460);
        if (face.nativeName() != null) {
            black.centred(34, face.nativeName(), 510);
        }
        black.centred(28, face.delegation(), 560);
        qr(content, face.qrPayload(), BadgeRenderer.WIDTH / 2f - 170, 580, 340);
    }

    /** A rectangle given in the PNG's top-down pixel coordinates. */
    private static void rect(PDPageContentStream content, float x, float top, float width, float height)
            throws IOException {
        content.addRect(x, BadgeRenderer.HEIGHT - top - height, width, height);
    }

    /** One line of text in a colour: real text where the embedded font can show it, else an image (see class). */
    private record Line(PDDocument document, PDPageContentStream content, PDType0Font font, Color colour) {

        /** Text whose baseline is {@code baseline} pixels from the top, as in the PNG. */
        void at(float size, String text, float x, float baseline) throws IOException {
            if (!canShow(text)) {
                image(size, text, x, baseline, false);
                return;
            }
            content.setNonStrokingColor(colour);
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, BadgeRenderer.HEIGHT - baseline);
            content.showText(text);
            content.endText();
        }

        void centred(float size, String text, float baseline) throws IOException {
            if (!canShow(text)) {
                image(size, text, 0, baseline, true);
                return;
            }
            float width = font.getStringWidth(text) / 1000 * size;
            at(size, text, Math.max(10, (BadgeRenderer.WIDTH - width) / 2), baseline);
        }

        /** Whether the embedded font has every glyph, and the script needs no shaping (PDFBox does not shape). */
        private boolean canShow(String text) {
            if (text.codePoints().map(Character::getDirectionality).anyMatch(
                    d -> d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                            || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC)) {
                return false;
            }
            try {
                font.encode(text);
                return true;
            }
            catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }

        /** Java2D lays out and shapes the text (bidi, Arabic joining) at twice the resolution. */
        private void image(float size, String text, float x, float baseline, boolean centre) throws IOException {
            int factor = 2;
            Font awtFont = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(size * factor));
            BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
            Graphics2D measure = probe.createGraphics();
            FontMetrics metrics = measure.getFontMetrics(awtFont);
            measure.dispose();
            int width = Math.max(1, metrics.stringWidth(text));
            int height = Math.max(1, metrics.getAscent() + metrics.getDescent());
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = image.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setFont(awtFont);
                g.setColor(colour);
                g.drawString(text, 0, metrics.getAscent());
            }
            finally {
                g.dispose();
            }
            PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
            float w = (float) width / factor;
            float h = (float) height / factor;
            float left = centre ? Math.max(10, (BadgeRenderer.WIDTH - w) / 2) : x;
            float top = baseline - (float) metrics.getAscent() / factor;
            content.drawImage(xobject, left, BadgeRenderer.HEIGHT - top - h, w, h);
        }
    }

    private static void qr(PDPageContentStream content, String payload, float x, float top, float size)
            throws IOException {
        BitMatrix matrix = BadgeRenderer.qr(payload, 0);
        float module = size / matrix.getWidth();
        content.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int column = 0; column < matrix.getWidth(); column++) {
                if (matrix.get(column, row)) {
                    rect(content, x + column * module, top + row * module, module, module);
                }
            }
        }
        content.fill();
    }
}
