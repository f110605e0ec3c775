package org.conferenceops.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TranslationsTest {

    @Test
    void everyLanguageTranslatesEveryKeyOfTheEnglishChromeAndNothingElse() throws IOException {
        Properties english = load("en");
        for (String code : Languages.CODES) {
            Properties translation = load(code);
            assertThat(translation.stringPropertyNames()).as(code).isEqualTo(english.stringPropertyNames());
            assertThat(translation.stringPropertyNames()).as(code + ": no blank text")
                    .allSatisfy(key -> assertThat(translation.getProperty(key)).isNotBlank());
        }
    }

    private static Properties load(String code) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/i18n/console_" + code + ".properties")) {
            assertThat(in).as(code).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
