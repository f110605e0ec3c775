package org.conferenceops.registration.badges;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.conferenceops.events.registration.AccreditationCategory;
import org.junit.jupiter.api.Test;

/** The shipped CJK font: present on the class path, registered with Java2D, and used for Han and Kana on badges. */
class BadgeFontsTest {

    private final BadgeFonts fonts = new BadgeFonts();

    @Test
    void theShippedFontHasEveryGlyphOfChineseAndJapaneseNames() {
        for (String name : List.of("张伟", "王秀英", "刘洋", "習近平", "鄧小平", "山田太郎", "やまだ たろう", "カタカナ")) {
            assertThat(fonts.cjk().canDisplayUpTo(name)).as(name).isEqualTo(-1);
            assertThat(name.codePoints().filter(c -> c != ' ').allMatch(fonts::usesCjk)).as(name).isTrue();
        }
        assertThat(fonts.usesCjk('A')).isFalse();
        assertThat(fonts.usesCjk('Ж')).isFalse();
        assertThat(fonts.usesCjk('ب')).as("Arabic stays with the shaping host font").isFalse();
    }

    @Test
    void theFontIsRegisteredWithJava2d() {
        assertThat(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                .contains(fonts.cjk().getFamily());
    }

    @Test
    void differentChineseNamesDrawDifferentGlyphsOnThePngNotTheSameMissingGlyphBoxes() throws Exception {
        BadgeRenderer renderer = new BadgeRenderer(fonts);

        int[] zhang = nameLine(renderer.png(face("张伟")));
        int[] wang = nameLine(renderer.png(face("王芳")));
        int[] none = nameLine(renderer.png(face(null)));

        assertThat(Arrays.equals(zhang, none)).as("something is drawn").isFalse();
        assertThat(Arrays.equals(zhang, wang)).as("the glyphs differ, as real characters do").isFalse();
    }

    private static int[] nameLine(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        return image.getRGB(0, 472, BadgeRenderer.WIDTH, 48, null, 0, BadgeRenderer.WIDTH);
    }

    private static BadgeRenderer.Face face(String nativeName) {
        return new BadgeRenderer.Face("Seoul 2021", "Mr. Zhang Wei", nativeName, "China",
                AccreditationCategory.MEMBER_STATE_DELEGATE, false, "payload.signature");
    }
}
