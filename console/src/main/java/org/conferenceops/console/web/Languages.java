package org.conferenceops.console.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The six UN languages of the console's chrome ({@code i18n/console_<code>.properties}): chosen with
 * {@code ?lang=}, remembered in a cookie, otherwise taken from the browser's Accept-Language, English when none of
 * the six is acceptable. Arabic pages are right-to-left.
 */
@Configuration(proxyBeanMethods = false)
public class Languages implements WebMvcConfigurer {

    /** The UN official languages, in the order the language menu lists them. */
    public static final List<String> CODES = List.of("ar", "zh", "en", "fr", "ru", "es");

    private static final List<Locale> SUPPORTED = CODES.stream().map(Locale::forLanguageTag).toList();

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/console");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.ENGLISH);
        return messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("console_lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Strict");
        resolver.setDefaultLocaleFunction(Languages::fromBrowser);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    /** The two-letter code of one of the six for a locale, English otherwise. */
    public static String code(Locale locale) {
        return CODES.contains(locale.getLanguage()) ? locale.getLanguage() : "en";
    }

    /** Whether text in the language runs right to left. */
    public static boolean rightToLeft(String code) {
        return "ar".equals(code);
    }

    private static Locale fromBrowser(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return match != null ? match : Locale.ENGLISH;
        }
        catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
    }
}
