package org.conferenceops.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes a mock request look chunked (no declared length) when it carries {@value #HEADER}, since MockMvc always
 * declares the length of the content it is given.
 */
class ChunkedRequestFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Test-Chunked";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request.getHeader(HEADER) == null ? request : new HttpServletRequestWrapper(request) {
            @Override
            public int getContentLength() {
                return -1;
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public String getHeader(String name) {
                return HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name) ? null : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name) ? Collections.emptyEnumeration()
                        : super.getHeaders(name);
            }
        }, response);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<ChunkedRequestFilter> chunkedRequestFilter() {
            FilterRegistrationBean<ChunkedRequestFilter> registration = new FilterRegistrationBean<>(
                    new ChunkedRequestFilter());
            // after correlation, before the size limit
            registration.setOrder(PlatformWebAutoConfiguration.CORRELATION_FILTER_ORDER + 10);
            return registration;
        }
    }
}
