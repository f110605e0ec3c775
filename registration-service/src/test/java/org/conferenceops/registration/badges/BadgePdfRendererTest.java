package org.conferenceops.registration.badges;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.conferenceops.events.registration.AccreditationCategory;
import org.junit.jupiter.api.Test;

/** The PDF badge read back with PDFBox: one page, the names as text where the font has them, an image otherwise. */
class BadgePdfRendererTest {

    private final BadgePdfRenderer renderer = new BadgePdfRenderer();

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
    void aNameInAScriptTheEmbeddedFontLacksIsPlacedAsAnImageAndTheLatinNameStaysText() throws Exception {
        byte[] arabic = renderer.pdf(face("Mr. Ahmed Al-Sayed", "أحمد السيد"));
        byte[] chinese = renderer.pdf(face("Mr. Wang Wei", "王伟"));

        for (byte[] pdf : List.of(arabic, chinese)) {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(document.getNumberOfPages()).isEqualTo(1);
                assertThat(new PDFTextStripper().getText(document)).containsAnyOf("Ahmed Al-Sayed", "Wang Wei");
                assertThat(images(document)).singleElement()
                        .satisfies(image -> assertThat(image.getWidth()).isPositive());
            }
        }
    }

    private static BadgeRenderer.Face face(String name, String nativeName) {
        return new BadgeRenderer.Face("Berlin ministerial", name, nativeName, "RUS",
                AccreditationCategory.MEMBER_STATE_DELEGATE, true, "eyJhbGciOiJFZERTQSJ9.payload.signature");
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
