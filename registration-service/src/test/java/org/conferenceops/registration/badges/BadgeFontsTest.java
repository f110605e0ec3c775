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

/**
 * The shipped font chain: both fonts present on the class path and registered with Java2D, Noto Sans SC used for Han
 * and Kana, Noto Sans KR for Hangul, the base font for the rest.
 */
class BadgeFontsTest {

    private static final String SC = "/badge-fonts/NotoSansSC-Regular.ttf";
    private static final String KR = "/badge-fonts/NotoSansKR-Regular.ttf";

    private final BadgeFonts fonts = new BadgeFonts();

    @Test
    void chineseAndJapaneseNamesAreDrawnEntirelyWithNotoSansSc() {
        for (String name : List.of("张伟", "王秀英", "刘洋", "習近平", "鄧小平", "山田太郎", "やまだ たろう", "カタカナ")) {
            assertThat(fonts.canDisplayUpTo(name)).as(name).isEqualTo(-1);
            assertThat(resources(name)).as(name).containsOnly(SC);
        }
    }

    @Test
    void koreanNamesInHangulAreDrawnEntirelyWithNotoSansKr() {
        for (String name : List.of("김민준", "이서연", "박지훈", "최수아", "정하은")) {
            assertThat(fonts.canDisplayUpTo(name)).as(name).isEqualTo(-1);
            assertThat(resources(name)).as(name).containsOnly(KR);
        }
        assertThat(fonts.fontFor('ㄱ')).as("compatibility Jamo").hasToString(KR);
        assertThat(fonts.fontFor('\u1100')).as("conjoining Jamo").hasToString(KR);
    }

    @Test
    void aMixedChineseAndKoreanNameUsesBothFontsAndHanStaysWithNotoSansSc() {
        String name = "金敏俊 김민준";

        assertThat(fonts.canDisplayUpTo(name)).isEqualTo(-1);
        assertThat(fonts.fontFor('金')).hasToString(SC);
        assertThat(fonts.fontFor('김')).hasToString(KR);
        assertThat(resources(name)).containsExactlyInAnyOrder(SC, KR);
    }

    @Test
    void latinCyrillicAndArabicStayWithTheBaseFont() {
        assertThat(fonts.fontFor('A')).isNull();
        assertThat(fonts.fontFor('Ж')).isNull();
        assertThat(fonts.fontFor('ب')).as("Arabic stays with the shaping host font").isNull();
    }

    @Test
    void theShippedFontsAreRegisteredWithJava2d() {
        assertThat(fonts.shipped()).hasSize(2);
        assertThat(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                .contains(fonts.shipped().stream().map(font -> font.font().getFamily()).toArray(String[]::new));
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

    @Test
    void differentKoreanNamesDrawDifferentGlyphsOnThePngNotTheSameMissingGlyphBoxes() throws Exception {
        BadgeRenderer renderer = new BadgeRenderer(fonts);

        int[] kim = nameLine(renderer.png(face("김민준")));
        int[] lee = nameLine(renderer.png(face("이서연")));
        int[] none = nameLine(renderer.png(face(null)));

        assertThat(Arrays.equals(kim, none)).as("something is drawn").isFalse();
        assertThat(Arrays.equals(kim, lee)).as("the glyphs differ, as real characters do").isFalse();
    }

    @Test
    void aHeaderTooLongForTheCardIsShrunkToKeepTheSameMarginOnTheRightAsOnTheLeft() throws Exception {
        BadgeRenderer renderer = new BadgeRenderer(fonts);
        BadgeRenderer.Face longHeader = new BadgeRenderer.Face(
                "United Nations Peacekeeping Ministerial Meeting, Seoul 2021, Republic of Korea", "Mr. Zhang Wei", null,
                "China", AccreditationCategory.MEMBER_STATE_DELEGATE, true, "payload.signature");

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(renderer.png(longHeader)));

        int band = image.getRGB(BadgeRenderer.WIDTH - 1, 2);
        int[] rightMargin = image.getRGB(BadgeRenderer.WIDTH - 28, 0, 28, 110, null, 0, 28);
        assertThat(rightMargin).as("nothing drawn in the right margin of the header").containsOnly(band);
        int[] text = image.getRGB(30, 30, BadgeRenderer.WIDTH - 60, 50, null, 0, BadgeRenderer.WIDTH - 60);
        assertThat(Arrays.stream(text).anyMatch(pixel -> pixel != band)).as("the header is drawn").isTrue();
    }

    private List<String> resources(String text) {
        return text.codePoints().filter(c -> c != ' ').mapToObj(fonts::fontFor)
                .map(font -> font == null ? "base" : font.entry().resource()).distinct().toList();
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
