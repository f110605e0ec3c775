package org.conferenceops.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.conferenceops.platform.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

@PlatformMvcTest
class RequestSizeLimitFilterTest {

    private static final String ORGANIZER = TestTokens.bearer("organizer-1", "ORGANIZER");

    @Autowired
    private MockMvcTester mvc;

    @Test
    void refusesADeclaredLengthOverTheLimitWith413BeforeTheHandlerRuns() {
        int before = ProblemTestController.HANDLED.get();

        JsonNode problem = ProblemDetailsAdviceTest.problem(post("/api/test/registrations", registration(2048), false),
                HttpStatus.CONTENT_TOO_LARGE);

        assertThat(problem.path("type").asString()).isEqualTo("urn:conference-ops:problem:payload-too-large");
        assertThat(problem.path("detail").asString()).contains("1024 bytes");
        assertThat(problem.path("correlationId").asString()).isNotBlank();
        assertThat(ProblemTestController.HANDLED.get()).isEqualTo(before);
    }

    @Test
    void refusesAChunkedBodyThatGrowsOverTheLimitWith413BeforeTheHandlerRuns() {
        int before = ProblemTestController.HANDLED.get();

        JsonNode problem = ProblemDetailsAdviceTest.problem(post("/api/test/registrations", registration(2048), true),
                HttpStatus.CONTENT_TOO_LARGE);

        assertThat(problem.path("type").asString()).isEqualTo("urn:conference-ops:problem:payload-too-large");
        assertThat(ProblemTestController.HANDLED.get()).isEqualTo(before);
    }

    @Test
    void acceptsAChunkedBodyWithinTheLimit() {
        assertThat(post("/api/test/registrations", registration(100), true)).hasStatusOk();
    }

    @Test
    void allowsLargerBodiesOnUploadPathsUpToTheUploadLimit() {
        String twoKilobytes = "x".repeat(2048);
        String fiveKilobytes = "x".repeat(5 * 1024);

        assertThat(post("/api/test/conferences/seoul-2021/imports", twoKilobytes, false)).hasStatusOk()
                .hasBodyTextEqualTo("2048");
        assertThat(post("/api/test/conferences/seoul-2021/imports", fiveKilobytes, false))
                .hasStatus(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(post("/api/test/conferences/seoul-2021/imports", fiveKilobytes, true))
                .hasStatus(HttpStatus.CONTENT_TOO_LARGE);
    }

    private MvcTestResult post(String uri, String body, boolean chunked) {
        var request = mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, ORGANIZER)
                .contentType(body.startsWith("{") ? MediaType.APPLICATION_JSON : MediaType.TEXT_PLAIN).content(body);
        if (chunked) {
            request.header(ChunkedRequestFilter.HEADER, "true");
        }
        return request.exchange();
    }

    private static String registration(int size) {
        String prefix = "{\"name\": \"";
        String suffix = "\", \"email\": \"amina@example.org\", \"seats\": 1}";
        return prefix + "A".repeat(Math.max(1, size - prefix.length() - suffix.length())) + suffix;
    }
}
