package org.conferenceops.registration.badges;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDCIDFont;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.conferenceops.events.registration.AccreditationCategory;
import org.junit.jupiter.api.Test;

/** The PDF badge read back with PDFBox: one page, the names as text in embedded fonts, right-to-left lines as images. */
class BadgePdfRendererTest {

    private final BadgePdfRenderer renderer = new BadgePdfRenderer(new BadgeFonts());

    @Test
    void aBadgeIsOnePageWithTheNameInLatinAndCyrillicAsSearchableText() throws Exception {
        byte[] pdf = renderer.pdf(face("H.E. Ms. Anna Ivanova", "Иванова Анна"));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("H.E. Ms. Anna Ivanova").contains("Иванова Анна").contains("RUS")
                    .contains("MEMBER STATE DELEGATE").contains("VIP").contains("Berlin ministerial");
            assertThat(images(document)).as("the QR code is drawn as vector squares").isEmpty();
        }
    }

    @Test
    void aRightToLeftNameIsShapedByJava2dAndPlacedAsAnImageAndTheLatinNameStaysText() throws Exception {
        byte[] pdf = renderer.pdf(face("Mr. Ahmed Al-Sayed", "أحمد السيد"));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(document)).contains("Ahmed Al-Sayed");
            assertThat(images(document)).singleElement()
                    .satisfies(image -> assertThat(image.getWidth()).isPositive());
        }
    }

    @Test
    void aChineseOrJapaneseNameIsSearchableTextInAnEmbeddedSubsetOfTheShippedCjkFont() throws Exception {
        for (String name : List.of("张伟", "習近平", "山田 たろう")) {
            byte[] pdf = renderer.pdf(face("Mr. Wang Wei", name));

            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(new PDFTextStripper().getText(document)).contains("Mr. Wang Wei").contains(name);
                assertThat(images(document)).as("no line had to be an image").isEmpty();
                List<String> fonts = new ArrayList<>();
                var resources = document.getPage(0).getResources();
                for (COSName font : resources.getFontNames()) {
                    PDFont pdFont = resources.getFont(font);
                    fonts.add(pdFont.getName());
                    if (pdFont.getName().contains("NotoSansSC")) {
                        PDCIDFont cid = ((PDType0Font) pdFont).getDescendantFont();
                        assertThat(pdFont.isEmbedded()).isTrue();
                        name.codePoints().filter(c -> c != ' ').forEach(c -> assertThat(
                                hasGlyph(cid, codeOf((PDType0Font) pdFont, c)))
                                .as("embedded glyph for %s", Character.toString(c)).isTrue());
                    }
                }
                assertThat(fonts).anyMatch(f -> f.matches("[A-Z]{6}\\+NotoSansSC-Regular"))
                        .anyMatch(f -> f.contains("LiberationSans"));
            }
        }
    }

    private static BadgeRenderer.Face face(String name, String nativeName) {
        return new BadgeRenderer.Face("Berlin ministerial", name, nativeName, "RUS",
                AccreditationCategory.MEMBER_STATE_DELEGATE, true, "eyJhbGciOiJFZERTQSJ9.payload.signature");
    }

    private static boolean hasGlyph(PDCIDFont font, int code) {
        try {
            return font.hasGlyph(code);
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int codeOf(PDType0Font font, int codePoint) {
        try {
            byte[] bytes = font.encode(Character.toString(codePoint));
            return ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<PDImageXObject> images(PDDocument document) throws Exception {
        List<PDImageXObject> images = new ArrayList<>();
        var resources = document.getPage(0).getResources();
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDImageXObject image) {
                images.add(image);
            }
        }
        return images;
    }
}
