package org.conferenceops.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.conferenceops.platform.correlation.Correlation;
import org.conferenceops.platform.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

@PlatformMvcTest
class CorrelationIdFilterTest {

    private static final String ORGANIZER = TestTokens.bearer("organizer-1", "ORGANIZER");
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Autowired
    private MockMvcTester mvc;

    @Test
    void echoesAValidCorrelationIdAndPutsItInTheProblemBody() {
        MvcTestResult result = mvc.get().uri("/api/test/delegates/d-1").header(HttpHeaders.AUTHORIZATION, ORGANIZER)
                .header(Correlation.HEADER, "seoul-2021.door-3:scan_42").exchange();

        JsonNode problem = ProblemDetailsAdviceTest.problem(result, HttpStatus.NOT_FOUND);
        assertThat(result.getResponse().getHeader(Correlation.HEADER)).isEqualTo("seoul-2021.door-3:scan_42");
        assertThat(problem.path("correlationId").asString()).isEqualTo("seoul-2021.door-3:scan_42");
    }

    @Test
    void replacesACorrelationIdWithForbiddenCharacters() {
        MvcTestResult result = mvc.get().uri("/api/test/delegates/d-1").header(HttpHeaders.AUTHORIZATION, ORGANIZER)
                .header(Correlation.HEADER, "abc\ninjected log line").exchange();

        JsonNode problem = ProblemDetailsAdviceTest.problem(result, HttpStatus.NOT_FOUND);
        assertThat(result.getResponse().getHeader(Correlation.HEADER)).matches(UUID_PATTERN);
        assertThat(problem.path("correlationId").asString()).isEqualTo(result.getResponse().getHeader(Correlation.HEADER));
    }

    @Test
    void replacesACorrelationIdLongerThan128Characters() {
        String tooLong = "a".repeat(129);
        MvcTestResult result = mvc.get().uri("/api/test/delegates/d-1").header(HttpHeaders.AUTHORIZATION, ORGANIZER)
                .header(Correlation.HEADER, tooLong).exchange();

        assertThat(result.getResponse().getHeader(Correlation.HEADER)).matches(UUID_PATTERN);
        assertThat(CorrelationIdFilter.isAcceptable("a".repeat(128))).isTrue();
    }

    @Test
    void generatesACorrelationIdWhenNoneIsSent() {
        MvcTestResult result = mvc.get().uri("/api/test/page?size=5").header(HttpHeaders.AUTHORIZATION, ORGANIZER)
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getHeader(Correlation.HEADER)).matches(UUID_PATTERN);
    }

    @Test
    void namesTheApplicationAndCorrelationInTheMdcForTheRequestOnly() throws Exception {
        AtomicReference<String> application = new AtomicReference<>();
        AtomicReference<String> correlation = new AtomicReference<>();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/x");
        request.addHeader(Correlation.HEADER, "c-mdc");

        new CorrelationIdFilter("registration-service").doFilter(request, new MockHttpServletResponse(),
                (req, res) -> {
                    application.set(MDC.get(CorrelationIdFilter.APPLICATION));
                    correlation.set(Correlation.correlationId());
                });

        assertThat(application).hasValue("registration-service");
        assertThat(correlation).hasValue("c-mdc");
        assertThat(MDC.get(CorrelationIdFilter.APPLICATION)).isNull();
        assertThat(Correlation.correlationId()).isNull();
    }

    @Test
    void carriesTheCorrelationIdIntoRefusalsBySecurityAndLeavesNoneBehindOnTheThread() {
        MvcTestResult result = mvc.get().uri("/api/test/delegates/d-1").header(Correlation.HEADER, "c-401").exchange();

        JsonNode problem = ProblemDetailsAdviceTest.problem(result, HttpStatus.UNAUTHORIZED);
        assertThat(problem.path("correlationId").asString()).isEqualTo("c-401");
        assertThat(Correlation.correlationId()).isNull();
    }
}
