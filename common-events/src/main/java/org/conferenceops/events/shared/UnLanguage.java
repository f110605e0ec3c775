package org.conferenceops.events.shared;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The six official languages of the United Nations, as ISO 639-1 codes on the wire. {@link #UNKNOWN} is what a
 * consumer reads for a code it does not know; it is never published.
 */
public enum UnLanguage {
    @JsonProperty("ar") ARABIC("ar", true),
    @JsonProperty("zh") CHINESE("zh", false),
    @JsonProperty("en") ENGLISH("en", false),
    @JsonProperty("fr") FRENCH("fr", false),
    @JsonProperty("ru") RUSSIAN("ru", false),
    @JsonProperty("es") SPANISH("es", false),
    @JsonEnumDefaultValue UNKNOWN("und", false);

    private final String code;
    private final boolean rightToLeft;

    UnLanguage(String code, boolean rightToLeft) {
        this.code = code;
        this.rightToLeft = rightToLeft;
    }

    /** The ISO 639-1 code, e.g. {@code ar}. */
    public String code() {
        return code;
    }

    /** Whether text in this language is written right to left (Arabic). */
    public boolean rightToLeft() {
        return rightToLeft;
    }

    /** The language for an ISO 639-1 code, or {@link #UNKNOWN}. */
    public static UnLanguage ofCode(String code) {
        for (UnLanguage language : values()) {
            if (language != UNKNOWN && language.code.equalsIgnoreCase(code)) {
                return language;
            }
        }
        return UNKNOWN;
    }
}
