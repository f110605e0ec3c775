package org.conferenceops.registration.badges;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
            assertSearchableInSubsets(name, "NotoSansSC-Regular");
        }
    }

    @Test
    void aKoreanNameIsSearchableTextInAnEmbeddedSubsetOfTheShippedHangulFont() throws Exception {
        for (String name : List.of("김민준", "이서연")) {
            assertSearchableInSubsets(name, "NotoSansKR-Regular");
        }
    }

    @Test
    void aMixedChineseAndKoreanNameEmbedsBothShippedFonts() throws Exception {
        assertSearchableInSubsets("金敏俊 김민준", "NotoSansSC-Regular", "NotoSansKR-Regular");
    }

    /**
     * The native name is real text, no line is an image, and each expected font is embedded as a subset with a glyph
     * for each of the name's characters it draws (every character of the name is in one of them).
     */
    private void assertSearchableInSubsets(String name, String... expectedFonts) throws Exception {
        byte[] pdf = renderer.pdf(face("Mr. Wang Wei", name));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Mr. Wang Wei").contains(name);
            assertThat(images(document)).as("no line had to be an image").isEmpty();
            List<String> fonts = new ArrayList<>();
            Set<Integer> covered = new HashSet<>();
            var resources = document.getPage(0).getResources();
            for (COSName font : resources.getFontNames()) {
                PDFont pdFont = resources.getFont(font);
                fonts.add(pdFont.getName());
                if (Arrays.stream(expectedFonts).anyMatch(pdFont.getName()::contains)) {
                    PDType0Font type0 = (PDType0Font) pdFont;
                    assertThat(pdFont.isEmbedded()).isTrue();
                    assertThat(type0.isEmbedded() && type0.getName().matches("[A-Z]{6}\\+.*"))
                            .as("%s is a subset", pdFont.getName()).isTrue();
                    name.codePoints().filter(c -> c != ' ' && hasGlyph(type0, c)).forEach(covered::add);
                }
            }
            for (String expected : expectedFonts) {
                assertThat(fonts).as("fonts of %s", name).anyMatch(f -> f.matches("[A-Z]{6}\\+" + expected));
            }
            assertThat(fonts).anyMatch(f -> f.contains("LiberationSans"));
            assertThat(covered).as("every character of %s has an embedded glyph", name)
                    .containsExactlyInAnyOrderElementsOf(name.codePoints().filter(c -> c != ' ').boxed()
                            .collect(Collectors.toSet()));
        }
    }

    private static BadgeRenderer.Face face(String name, String nativeName) {
        return new BadgeRenderer.Face("Berlin ministerial", name, nativeName, "RUS",
                AccreditationCategory.MEMBER_STATE_DELEGATE, true, "eyJhbGciOiJFZERTQSJ9.payload.signature");
    }

    /** Whether the font encodes the character to a glyph it embeds (not the missing glyph 0). */
    private static boolean hasGlyph(PDType0Font font, int codePoint) {
        try {
            byte[] bytes = font.encode(Character.toString(codePoint));
            int code = ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
            PDCIDFont cid = font.getDescendantFont();
            return cid.hasGlyph(code) && cid.codeToGID(code) != 0;
        }
        catch (IOException | IllegalArgumentException e) {
            return false;
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
