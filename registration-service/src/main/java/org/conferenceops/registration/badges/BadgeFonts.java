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
import java.lang.Character.UnicodeScript;
import java.text.AttributedString;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The fonts badges are drawn with, as an ordered fallback chain: the fonts the service ships (Noto Sans SC for Han,
 * Kana and Bopomofo; Noto Sans KR for Hangul), then the JDK's logical sans-serif font for everything else (Latin,
 * Cyrillic, Greek, and Arabic, which Java2D shapes with the host's fonts). A run of text gets the first font of the
 * chain that can display it, so Chinese, Japanese and Korean names print on any host, image or CI machine (ADR 019).
 * The shipped fonts are registered with Java2D once; PDFs get their own parsed copies to embed subsets of them.
 */
@Component
class BadgeFonts {

    /**
     * The shipped fonts in chain order, each with the scripts it draws; the build puts them on the class path
     * (registration-service pom: Noto Sans SC from Maven Central, Noto Sans KR from the npm registry).
     */
    static final List<Entry> CHAIN = List.of(
            new Entry("/badge-fonts/NotoSansSC-Regular.ttf",
                    EnumSet.of(UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA,
                            UnicodeScript.BOPOMOFO)),
            new Entry("/badge-fonts/NotoSansKR-Regular.ttf", EnumSet.of(UnicodeScript.HANGUL)));

    /** One shipped font of the chain: its class-path resource and the scripts it is used for. */
    record Entry(String resource, Set<UnicodeScript> scripts) {
    }

    private final List<ShippedFont> shipped;
    private final Font base = new Font(Font.SANS_SERIF, Font.PLAIN, 1);

    BadgeFonts() {
        this.shipped = CHAIN.stream().map(ShippedFont::load).toList();
        GraphicsEnvironment environment = GraphicsEnvironment.getLocalGraphicsEnvironment();
        shipped.forEach(font -> environment.registerFont(font.font()));
    }

    /** The shipped fonts, in chain order. */
    List<ShippedFont> shipped() {
        return shipped;
    }

    /**
     * The shipped font a character is drawn with: the first of the chain that has a glyph for it and either draws
     * its script or is needed because the base font lacks it (e.g. CJK punctuation); null means the base font.
     */
    @Nullable ShippedFont fontFor(int codePoint) {
        UnicodeScript script = UnicodeScript.of(codePoint);
        for (ShippedFont font : shipped) {
            if (font.font().canDisplay(codePoint) && font.entry().scripts().contains(script)) {
                return font;
            }
        }
        if (base.canDisplay(codePoint)) {
            return null;
        }
        for (ShippedFont font : shipped) {
            if (font.font().canDisplay(codePoint)) {
                return font;
            }
        }
        return null;
    }

    /**
     * The index of the first character no font of the chain can display, or -1 when the whole text can be drawn
     * (as {@link Font#canDisplayUpTo(String)}, but over the chain).
     */
    int canDisplayUpTo(String text) {
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int codePoint = text.codePointAt(i);
            if (fontFor(codePoint) == null && !base.canDisplay(codePoint)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The text laid out by Java2D with the font chain: bidirectional order and Arabic joining as Java2D shapes
     * them, each run in the first font of the chain that has it. {@code text} must not be empty.
     */
    TextLayout layout(String text, int style, float size, FontRenderContext context) {
        Font primary = base.deriveFont(style, size);
        List<Font> derived = shipped.stream().map(font -> font.font().deriveFont(style, size)).toList();
        AttributedString attributed = new AttributedString(text);
        int start = 0;
        while (start < text.length()) {
            ShippedFont font = fontFor(text.codePointAt(start));
            int end = start;
            while (end < text.length() && fontFor(text.codePointAt(end)) == font) {
                end += Character.charCount(text.codePointAt(end));
            }
            attributed.addAttribute(TextAttribute.FONT, font == null ? primary : derived.get(shipped.indexOf(font)),
                    start, end);
            start = end;
        }
        return new TextLayout(attributed.getIterator(), context);
    }

    /** A font of the chain, loaded once from the class path: its bytes (for PDFs) and its Java2D font (size 1). */
    static final class ShippedFont {

        private final Entry entry;
        private final byte[] bytes;
        private final Font font;

        private ShippedFont(Entry entry, byte[] bytes, Font font) {
            this.entry = entry;
            this.bytes = bytes;
            this.font = font;
        }

        private static ShippedFont load(Entry entry) {
            try (InputStream in = BadgeFonts.class.getResourceAsStream(entry.resource())) {
                if (in == null) {
                    throw new IllegalStateException("badge font missing from the class path: " + entry.resource()
                            + " (the build puts it there; see ADR 019)");
                }
                byte[] bytes = in.readAllBytes();
                return new ShippedFont(entry, bytes,
                        Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes)));
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            catch (FontFormatException e) {
                throw new IllegalStateException("badge font is not a TrueType font: " + entry.resource(), e);
            }
        }

        Entry entry() {
            return entry;
        }

        /** The Java2D font, size 1: derive the size needed. */
        Font font() {
            return font;
        }

        /** A fresh parse for one PDF (FontBox fonts are not shared between threads); close it after. */
        TrueTypeFont forPdf() {
            try {
                return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return entry.resource();
        }
    }
}
