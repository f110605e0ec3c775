package org.conferenceops.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import org.conferenceops.platform.correlation.Correlation;
import org.conferenceops.platform.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PlatformMvcTest
class ProblemDetailsAdviceTest {

    private static final String ORGANIZER = TestTokens.bearer("organizer-1", "ORGANIZER");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private MockMvcTester mvc;

    @Test
    void answersNotFoundWithoutRevealingMoreThanTheRequestedId() {
        JsonNode problem = problem(get("/api/test/delegates/d-42"), HttpStatus.NOT_FOUND);

        assertThat(problem.path("type").asString()).isEqualTo("urn:conference-ops:problem:not-found");
        assertThat(problem.path("title").asString()).isEqualTo("Not found");
        assertThat(problem.path("detail").asString()).isEqualTo("delegate d-42 not found");
        assertThat(problem.path("instance").asString()).isEqualTo("/api/test/delegates/d-42");
        assertThat(problem.path("correlationId").asString()).isNotBlank();
    }

    @Test
    void answersConflictWith409() {
        JsonNode problem = problem(get("/api/test/conflict"), HttpStatus.CONFLICT);

        assertThat(problem.path("type").asString()).isEqualTo("urn:conference-ops:problem:conflict");
        assertThat(problem.path("detail").asString()).isEqualTo("badge already issued");
    }

    @Test
    void answersAnIllegalTransitionWith409NamingTheCurrentState() {
        JsonNode problem = problem(get("/api/test/transition"), HttpStatus.CONFLICT);

        assertThat(problem.path("type").asString()).isEqualTo("urn:conference-ops:problem:illegal-state-transition");
        assertThat(problem.path("detail").asString()).isEqualTo("cannot accredit delegate in state WITHDRAWN");
        assertThat(problem.path("currentState").asString()).isEqualTo("WITHDRAWN");
        assertThat(problem.path("attemptedAction").asString()).isEqualTo("accredit");
    }

    @Test
    void answersARuleViolationWith422TheRuleAndItsFieldErrors() {
        JsonNode problem = problem(get("/api/test/rule"), HttpStatus.UNPROCESSABLE_CONTENT);

        assertThat(problem.path("type").asString()).isEqualTo("urn:conference-ops:problem:rule-violation");
        assertThat(problem.path("rule").asString()).isEqualTo("delegation-size-cap");
        assertThat(problem.path("errors")).hasSize(1);
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("delegates[10]");
        assertThat(problem.path("errors").get(0).path("code").asString()).isEqualTo("delegation-size-cap");
        assertThat(problem.path("errors").get(0).path("message").asString()).isEqualTo("exceeds the cap of 10");
    }

    @Test
    void answersTooManyRequestsWithRetryAfterRoundedUpToWholeSeconds() {
        MvcTestResult result = get("/api/test/throttled");
        JsonNode problem = problem(result, HttpStatus.TOO_MANY_REQUESTS);

        assertThat(result.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(problem.path("type").asString()).isEqualTo("urn:conference-ops:problem:too-many-requests");
    }

    @Test
    void answersServiceUnavailableWithRetryAfter() {
        MvcTestResult result = get("/api/test/unavailable");
        JsonNode problem = problem(result, HttpStatus.SERVICE_UNAVAILABLE);

        assertThat(result.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
        assertThat(problem.path("detail").asString()).isEqualTo("Imports are paused");
    }

    @Test
    void answersAConcurrentChangeWith409AskingToRetry() {
        JsonNode problem = problem(get("/api/test/optimistic"), HttpStatus.CONFLICT);

        assertThat(problem.path("type").asString()).isEqualTo("urn:conference-ops:problem:concurrent-modification");
        assertThat(problem.path("detail").asString()).contains("changed concurrently, retry");
    }

    @Test
    void answersADuplicateKeyWith409() {
        JsonNode problem = problem(get("/api/test/duplicate"), HttpStatus.CONFLICT);

        assertThat(problem.path("type").asString()).isEqualTo("urn:conference-ops:problem:duplicate");
        assertThat(problem.path("detail").asString()).doesNotContain("E11000");
    }

    @Test
    void answersAStorageOutageWith503AndRetryAfterInsteadOf500() {
        for (String path : new String[] { "/api/test/storage-down", "/api/test/mongo-timeout" }) {
            MvcTestResult result = get(path);
            JsonNode problem = problem(result, HttpStatus.SERVICE_UNAVAILABLE);

            assertThat(result.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(problem.path("type").asString()).isEqualTo("urn:conference-ops:problem:service-unavailable");
            assertThat(problem.path("detail").asString()).contains("retry later");
        }
    }

    @Test
    void answersABugWithAGeneric500CarryingTheCorrelationIdButNotTheExceptionMessage() {
        MvcTestResult result = get("/api/test/bug");
        JsonNode problem = problem(result, HttpStatus.INTERNAL_SERVER_ERROR);

        String correlationId = result.getResponse().getHeader(Correlation.HEADER);
        assertThat(problem.path("type").asString()).isEqualTo("urn:conference-ops:problem:internal-error");
        assertThat(problem.path("correlationId").asString()).isEqualTo(correlationId);
        assertThat(problem.path("detail").asString()).contains(correlationId).doesNotContain("P1234567");
        assertThat(problem.has("trace")).isFalse();
    }

    @Test
    void answersBeanValidationFailuresWith400AndOneErrorPerField() {
        JsonNode problem = problem(post("/api/test/registrations", """
                {"name": " ", "email": "not-an-email", "seats": 0}
                """), HttpStatus.BAD_REQUEST);

        assertThat(problem.path("type").asString()).isEqualTo("urn:conference-ops:problem:validation-failed");
        assertThat(problem.path("errors").valueStream()
                .map(error -> error.path("field").asString() + ":" + error.path("code").asString()))
                .containsExactlyInAnyOrder("name:not-blank", "email:email", "seats:min");
        assertThat(problem.path("errors").valueStream().map(error -> error.path("message").asString()))
                .allSatisfy(message -> assertThat(message).isNotBlank());
    }

    @Test
    void answersMalformedJsonWith400NotingWhereItBroke() {
        JsonNode problem = problem(post("/api/test/registrations", "{\"name\": \"Amina\",\n \"email\": }"),
                HttpStatus.BAD_REQUEST);

        assertThat(problem.path("type").asString()).isEqualTo("urn:conference-ops:problem:malformed-request");
        assertThat(problem.path("detail").asString()).contains("not well-formed JSON").contains("line 2");
        assertThat(problem.toString()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void answersAFieldOfTheWrongTypeWith400NamingTheFieldButNotEchoingTheValue() {
        JsonNode problem = problem(post("/api/test/registrations", """
                {"name": "Amina", "email": "amina@example.org", "seats": "P1234567"}
                """), HttpStatus.BAD_REQUEST);

        assertThat(problem.path("detail").asString()).isEqualTo("Field 'seats' must be an integer");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("seats");
        assertThat(problem.toString()).doesNotContain("P1234567");
    }

    @Test
    void answersAMissingBodyWith400() {
        JsonNode problem = problem(post("/api/test/registrations", ""), HttpStatus.BAD_REQUEST);

        assertThat(problem.path("detail").asString()).isEqualTo("The request body is missing");
    }

    @Test
    void answersAParameterConstraintViolationWith400NamingTheParameter() {
        JsonNode problem = problem(get("/api/test/page?size=500"), HttpStatus.BAD_REQUEST);

        assertThat(problem.path("type").asString()).isEqualTo("urn:conference-ops:problem:validation-failed");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("size");
        assertThat(problem.path("errors").get(0).path("code").asString()).isEqualTo("max");
    }

    @Test
    void answersAPathVariableOfTheWrongTypeWith400NamingIt() {
        JsonNode problem = problem(get("/api/test/items/seven"), HttpStatus.BAD_REQUEST);

        assertThat(problem.path("type").asString()).isEqualTo("urn:conference-ops:problem:invalid-parameter");
        assertThat(problem.path("detail").asString()).isEqualTo("Parameter 'number' must be an integer");
    }

    @Test
    void answersAnUnknownEnumValueWith400ListingTheAllowedOnes() {
        JsonNode problem = problem(get("/api/test/sessions?mode=HYBRID"), HttpStatus.BAD_REQUEST);

        assertThat(problem.path("detail").asString()).isEqualTo("Parameter 'mode' must be one of IN_PERSON, VIRTUAL");
    }

    @Test
    void answersAMissingParameterWith400NamingIt() {
        JsonNode problem = problem(get("/api/test/sessions"), HttpStatus.BAD_REQUEST);

        assertThat(problem.path("type").asString()).isEqualTo("urn:conference-ops:problem:missing-parameter");
        assertThat(problem.path("detail").asString()).isEqualTo("Parameter 'mode' is required");
    }

    @Test
    void answersAnUnknownPathWith404Problem() {
        JsonNode problem = problem(get("/api/test/nothing/here"), HttpStatus.NOT_FOUND);

        assertThat(problem.path("type").asString()).isEqualTo("urn:conference-ops:problem:not-found");
    }

    @Test
    void givesSpringsOwnRefusalsAConferenceOpsType() {
        JsonNode problem = problem(mvc.delete().uri("/api/test/conflict").header(HttpHeaders.AUTHORIZATION, ORGANIZER)
                .exchange(), HttpStatus.METHOD_NOT_ALLOWED);

        assertThat(problem.path("type").asString()).isEqualTo("urn:conference-ops:problem:method-not-allowed");
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(problem.path("instance").asString()).isEqualTo("/api/test/conflict");
    }

    @Test
    void answersTheContainerErrorPageAsProblemToo() {
        JsonNode problem = problem(mvc.get().uri("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 400)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/test/a;b").exchange(), HttpStatus.BAD_REQUEST);

        assertThat(problem.path("type").asString()).isEqualTo("urn:conference-ops:problem:bad-request");
        assertThat(problem.path("instance").asString()).isEqualTo("/api/test/a;b");
        assertThat(problem.path("correlationId").asString()).isNotBlank();
    }

    private MvcTestResult get(String uri) {
        return mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, ORGANIZER).exchange();
    }

    private MvcTestResult post(String uri, String body) {
        return mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, ORGANIZER).contentType(MediaType.APPLICATION_JSON)
                .content(body).exchange();
    }

    /** Asserts a problem+json answer with the status and returns its body. */
    static JsonNode problem(MvcTestResult result, HttpStatus status) {
        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode body = JSON.readTree(result.getResponse().getContentAsByteArray());
        assertThat(body.path("status").asInt()).isEqualTo(status.value());
        return body;
    }
}
