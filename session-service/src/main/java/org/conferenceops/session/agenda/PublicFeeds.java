package org.conferenceops.session.agenda;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/**
 * The two feeds calendar clients poll without a bearer token: a personal feed behind its secret token, and the
 * published programme (ADR 020). They are left out of Spring Security altogether rather than given a chain of their
 * own, because declaring a {@code SecurityFilterChain} would make the platform's bearer-token chain, which guards
 * every other path, back off. Their controllers set the response headers Spring Security would have added.
 */
@Configuration(proxyBeanMethods = false)
class PublicFeeds {

    static final String[] PATHS = { "/api/calendar/*.ics", "/api/conferences/*/programme.ics" };

    @Bean
    WebSecurityCustomizer calendarFeedsWithoutBearerToken() {
        return web -> web.ignoring().requestMatchers(PATHS);
    }
}
