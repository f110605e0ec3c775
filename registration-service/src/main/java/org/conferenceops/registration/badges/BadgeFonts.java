package org.conferenceops.registration.badges;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.util.EnumSet;
import java.util.Set;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.springframework.stereotype.Component;

/**
 * The fonts badges are drawn with, chosen per script: the JDK's logical sans-serif font (Latin, Cyrillic, Greek,
 * Arabic, and whatever the host has) and Noto Sans SC, shipped inside the service's jar, for Han, Kana and Bopomofo,
 * so a Chinese or Japanese name prints on any host, image or CI machine (ADR 019). The CJK font is registered with
 * Java2D once; PDFs get their own parsed copy to embed a subset of it.
 */
@Component
class BadgeFonts {

    /** Where the build unpacks the CJK font (registration-service pom, maven-dependency-plugin). */
    static final String CJK_RESOURCE = "/badge-fonts/NotoSansSC-Regular.ttf";

    private static final Set<Character.UnicodeScript> CJK_SCRIPTS = EnumSet.of(Character.UnicodeScript.HAN,
            Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA, Character.UnicodeScript.BOPOMOFO,
            Character.UnicodeScript.HANGUL);

    private final byte[] cjkBytes;
    private final Font cjk;
    private final Font base = new Font(Font.SANS_SERIF, Font.PLAIN, 1);

    BadgeFonts() {
        try (InputStream in = BadgeFonts.class.getResourceAsStream(CJK_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("badge font missing from the class path: " + CJK_RESOURCE
                        + " (the build unpacks it; see ADR 019)");
            }
            this.cjkBytes = in.readAllBytes();
            this.cjk = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(cjkBytes));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (FontFormatException e) {
            throw new IllegalStateException("badge font is not a TrueType font: " + CJK_RESOURCE, e);
        }
        GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(cjk);
    }

    /** The shipped CJK font (size 1; derive the size needed). */
    Font cjk() {
        return cjk;
    }

    /**
     * Whether a character is drawn with the CJK font: it belongs to a CJK script (or is punctuation the base font
     * lacks) and the CJK font has a glyph for it. Hangul is not in Noto Sans SC and stays with the host's fonts.
     */
    boolean usesCjk(int codePoint) {
        if (!cjk.canDisplay(codePoint)) {
            return false;
        }
        return CJK_SCRIPTS.contains(Character.UnicodeScript.of(codePoint)) || !base.canDisplay(codePoint);
    }

    /** Whether some characters of the text need the CJK font. */
    boolean needsCjk(String text) {
        return text.codePoints().anyMatch(this::usesCjk);
    }

    /**
     * The text laid out by Java2D with the per-script font chain: bidirectional order and Arabic joining as Java2D
     * shapes them, CJK runs in the shipped font. {@code text} must not be empty.
     */
    TextLayout layout(String text, int style, float size, FontRenderContext context) {
        Font primary = base.deriveFont(style, size);
        Font secondary = cjk.deriveFont(style, size);
        AttributedString attributed = new AttributedString(text);
        int start = 0;
        while (start < text.length()) {
            boolean useCjk = usesCjk(text.codePointAt(start));
            int end = start;
            while (end < text.length() && usesCjk(text.codePointAt(end)) == useCjk) {
                end += Character.charCount(text.codePointAt(end));
            }
            attributed.addAttribute(TextAttribute.FONT, useCjk ? secondary : primary, start, end);
            start = end;
        }
        return new TextLayout(attributed.getIterator(), context);
    }

    /** A fresh parse of the CJK font for one PDF (FontBox fonts are not shared between threads); close it after. */
    TrueTypeFont cjkForPdf() {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(cjkBytes));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
