package org.conferenceops.registration.badges;

import com.google.zxing.common.BitMatrix;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Draws a badge as a one-page PDF (Apache PDFBox, ADR 017) with the layout of the PNG: category colour bands, photo
 * placeholder, name, name in the person's own script, delegation and the signed QR code as vector squares.
 *
 * <p>Text is real, searchable text, each run in an embedded subset of the first font of the chain that has it
 * (ADR 019): the fonts the service ships (Noto Sans SC for Han and Kana, Noto Sans KR for Hangul), then Liberation
 * Sans, which PDFBox ships (Latin, Greek, Cyrillic). A line in a right-to-left script (PDFBox does not shape) or with
 * characters no embedded font has is drawn by Java2D with the same font chain, which shapes and orders it, and placed
 * as an image.
 */
@Component
class BadgePdfRenderer {

    /** Points per pixel of the PNG layout: 640 × 1000 px become 288 × 450 pt (4 × 6.25 in). */
    private static final float SCALE = 0.45f;
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final BadgeFonts fonts;

    BadgePdfRenderer(BadgeFonts fonts) {
        this.fonts = fonts;
    }

    byte[] pdf(BadgeRenderer.Face face) {
        try (PDDocument document = new PDDocument(); PdfFonts pdfFonts = new PdfFonts(document, fonts)) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Badge: " + face.fullName());
            info.setSubject(face.conferenceName());
            PDPage page = new PDPage(new PDRectangle(BadgeRenderer.WIDTH * SCALE, BadgeRenderer.HEIGHT * SCALE));
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.transform(Matrix.getScaleInstance(SCALE, SCALE));
                draw(document, content, pdfFonts, face);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void draw(PDDocument document, PDPageContentStream content, PdfFonts pdfFonts, BadgeRenderer.Face face)
            throws IOException {
        Color colour = BadgeRenderer.COLOURS.getOrDefault(face.category(), Color.DARK_GRAY);
        content.setNonStrokingColor(colour);
        rect(content, 0, 0, BadgeRenderer.WIDTH, 110);
        rect(content, 0, BadgeRenderer.HEIGHT - 70, BadgeRenderer.WIDTH, 70);
        content.fill();
        Line white = new Line(document, content, pdfFonts, fonts, Color.WHITE);
        white.at(30, face.conferenceName(), 30, 68);
        white.at(26, face.category().name().replace('_', ' ') + (face.vip() ? "  ·  VIP" : ""), 30,
                BadgeRenderer.HEIGHT - 25);
        content.setStrokingColor(Color.LIGHT_GRAY);
        content.setLineWidth(3);
        rect(content, BadgeRenderer.WIDTH / 2f - 110, 140, 220, 260);
        content.stroke();
        new Line(document, content, pdfFonts, fonts, Color.LIGHT_GRAY).at(26, "PHOTO", BadgeRenderer.WIDTH / 2f - 45,
                280);
        Line black = new Line(document, content, pdfFonts, fonts, Color.BLACK);
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

    /** The document's embedded fonts: Liberation Sans always, a subset of each shipped font once a line needs it. */
    private static final class PdfFonts implements AutoCloseable {

        private final PDDocument document;
        private final BadgeFonts fonts;
        private final PDType0Font latin;
        private final Map<BadgeFonts.ShippedFont, PDType0Font> embedded = new HashMap<>();
        private final List<TrueTypeFont> sources = new ArrayList<>();

        PdfFonts(PDDocument document, BadgeFonts fonts) throws IOException {
            this.document = document;
            this.fonts = fonts;
            try (InputStream in = BadgePdfRenderer.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IllegalStateException("PDFBox font resource missing: " + FONT);
                }
                this.latin = PDType0Font.load(document, in);
            }
        }

        /** The font for one character, or null when no embedded font has it. */
        @Nullable PDType0Font forCodePoint(int codePoint) throws IOException {
            BadgeFonts.ShippedFont shipped = fonts.fontFor(codePoint);
            if (shipped != null) {
                return embed(shipped);
            }
            return has(latin, codePoint) ? latin : null;
        }

        private PDType0Font embed(BadgeFonts.ShippedFont shipped) throws IOException {
            PDType0Font font = embedded.get(shipped);
            if (font == null) {
                TrueTypeFont source = shipped.forPdf();
                sources.add(source);
                font = PDType0Font.load(document, source, true);
                embedded.put(shipped, font);
            }
            return font;
        }

        private static boolean has(PDType0Font font, int codePoint) {
            try {
                font.encode(new String(Character.toChars(codePoint)));
                return true;
            }
            catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }

        @Override
        public void close() throws IOException {
            for (TrueTypeFont source : sources) {
                source.close();
            }
        }
    }

    /** A piece of a line in one font. */
    private record Run(PDType0Font font, String text) {
    }

    /** One line of text in a colour: real text where the embedded fonts can show it, else an image (see class). */
    private record Line(PDDocument document, PDPageContentStream content, PdfFonts pdfFonts, BadgeFonts fonts,
            Color colour) {

        /** Text whose baseline is {@code baseline} pixels from the top, as in the PNG. */
        void at(float size, String text, float x, float baseline) throws IOException {
            List<Run> runs = runs(text);
            if (runs == null) {
                image(size, text, x, baseline, false);
                return;
            }
            show(size, runs, x, baseline);
        }

        void centred(float size, String text, float baseline) throws IOException {
            List<Run> runs = runs(text);
            if (runs == null) {
                image(size, text, 0, baseline, true);
                return;
            }
            float width = 0;
            for (Run run : runs) {
                width += run.font().getStringWidth(run.text()) / 1000 * size;
            }
            show(size, runs, Math.max(10, (BadgeRenderer.WIDTH - width) / 2), baseline);
        }

        private void show(float size, List<Run> runs, float x, float baseline) throws IOException {
            if (runs.isEmpty()) {
                return;
            }
            content.setNonStrokingColor(colour);
            content.beginText();
            content.newLineAtOffset(x, BadgeRenderer.HEIGHT - baseline);
            for (Run run : runs) {
                content.setFont(run.font(), size);
                content.showText(run.text());
            }
            content.endText();
        }

        /**
         * The text cut into runs of one embedded font each, or null when it must be an image: a right-to-left
         * script (PDFBox does not shape) or a character no embedded font has.
         */
        private @Nullable List<Run> runs(String text) throws IOException {
            if (text.codePoints().map(Character::getDirectionality).anyMatch(
                    d -> d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                            || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC)) {
                return null;
            }
            List<Run> runs = new ArrayList<>();
            StringBuilder piece = new StringBuilder();
            PDType0Font current = null;
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
                int codePoint = text.codePointAt(i);
                PDType0Font font = pdfFonts.forCodePoint(codePoint);
                if (font == null) {
                    return null;
                }
                if (font != current && !piece.isEmpty()) {
                    runs.add(new Run(current, piece.toString()));
                    piece.setLength(0);
                }
                current = font;
                piece.appendCodePoint(codePoint);
            }
            if (current != null && !piece.isEmpty()) {
                runs.add(new Run(current, piece.toString()));
            }
            return runs;
        }

        /** Java2D lays out and shapes the text (bidi, Arabic joining, per-script fonts) at twice the resolution. */
        private void image(float size, String text, float x, float baseline, boolean centre) throws IOException {
            int factor = 2;
            BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
            Graphics2D measure = probe.createGraphics();
            measure.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            TextLayout layout = fonts.layout(text, Font.PLAIN, size * factor, measure.getFontRenderContext());
            measure.dispose();
            int width = Math.max(1, (int) Math.ceil(layout.getAdvance()));
            int height = Math.max(1, (int) Math.ceil(layout.getAscent() + layout.getDescent()));
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = image.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setColor(colour);
                layout.draw(g, 0, layout.getAscent());
            }
            finally {
                g.dispose();
            }
            PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
            float w = (float) width / factor;
            float h = (float) height / factor;
            float left = centre ? Math.max(10, (BadgeRenderer.WIDTH - w) / 2) : x;
            float top = baseline - layout.getAscent() / factor;
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
