package org.conferenceops.platform.web;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The shared HTTP edge: problem-details advice, correlation ids first on every request, then body size limits, both
 * ahead of Spring Security so that even refused requests carry a correlation id; and an error page in the same
 * format. Runs before Boot's MVC and error configurations so that Boot's own handler and error controller back off.
 */
@AutoConfiguration(before = { WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebProperties.class)
public final class PlatformWebAutoConfiguration {

    /** Filter order of {@link CorrelationIdFilter}: before everything else. */
    public static final int CORRELATION_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE;
    /** Filter order of {@link RequestSizeLimitFilter}: right after correlation, well before security (-100). */
    public static final int SIZE_LIMIT_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    ProblemDetailsAdvice conferenceOpsProblemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController conferenceOpsErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> conferenceOpsCorrelationIdFilter(Environment environment) {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(
                new CorrelationIdFilter(environment.getProperty("spring.application.name")));
        registration.setOrder(CORRELATION_FILTER_ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> conferenceOpsRequestSizeLimitFilter(WebProperties properties) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(properties));
        registration.setOrder(SIZE_LIMIT_FILTER_ORDER);
        return registration;
    }
}
