package org.conferenceops.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.conferenceops.platform.web.PlatformMvcTest;
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
class PlatformSecurityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private MockMvcTester mvc;

    @Test
    void refusesARequestWithoutTokenWith401ProblemAndABearerChallenge() {
        MvcTestResult result = mvc.get().uri("/api/secured/me").exchange();

        JsonNode problem = problem(result, HttpStatus.UNAUTHORIZED);
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(problem.path("type").asString()).isEqualTo("urn:conference-ops:problem:unauthorized");
        assertThat(problem.path("instance").asString()).isEqualTo("/api/secured/me");
        assertThat(problem.path("correlationId").asString()).isNotBlank();
    }

    @Test
    void refusesATokenSignedByAnUntrustedKeyWith401() {
        MvcTestResult result = mvc.get().uri("/api/secured/me")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.foreignBearer("intruder", "ORGANIZER")).exchange();

        JsonNode problem = problem(result, HttpStatus.UNAUTHORIZED);
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer")
                .contains("invalid_token");
        assertThat(problem.path("detail").asString()).isEqualTo("The bearer token is invalid or has expired");
    }

    @Test
    void refusesAnExpiredTokenWith401() {
        String expired = TestTokens.token("organizer-1", TestTokens.ISSUER, Duration.ofMinutes(-1));

        assertThat(mvc.get().uri("/api/secured/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + expired))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void refusesAWrongRoleOnAPreAuthorizedEndpointWith403Problem() {
        MvcTestResult result = mvc.get().uri("/api/secured/organizers-only")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("delegate-7", List.of("DELEGATE"),
                        Map.of(CurrentUser.DELEGATE_ID_CLAIM, "d-7")))
                .exchange();

        JsonNode problem = problem(result, HttpStatus.FORBIDDEN);
        assertThat(problem.path("type").asString()).isEqualTo("urn:conference-ops:problem:forbidden");
        assertThat(problem.path("instance").asString()).isEqualTo("/api/secured/organizers-only");
    }

    @Test
    void letsTheRightRoleThroughAPreAuthorizedEndpoint() {
        assertThat(mvc.get().uri("/api/secured/organizers-only")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("organizer-1", "ORGANIZER")))
                .hasStatusOk().hasBodyTextEqualTo("ok");
    }

    @Test
    void letsProbesAndApiDocsThroughWithoutToken() {
        for (String path : PlatformSecurityAutoConfiguration.PUBLIC_PATHS) {
            String concrete = path.replace("/**", "/x");
            // there are no such handlers in this slice: any answer but 401 or 403 got past security
            assertThat(mvc.get().uri(concrete).exchange().getResponse().getStatus()).as(concrete)
                    .isNotIn(HttpStatus.UNAUTHORIZED.value(), HttpStatus.FORBIDDEN.value());
        }
    }

    @Test
    void resolvesTheCurrentUserFromTheToken() {
        JsonNode user = json(mvc.get().uri("/api/secured/me")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("focal-gh", List.of("FOCAL_POINT", "DELEGATE"),
                        Map.of(CurrentUser.DELEGATION_ID_CLAIM, "ghana", CurrentUser.DELEGATE_ID_CLAIM, "d-9")))
                .exchange());

        assertThat(user.path("subject").asString()).isEqualTo("focal-gh");
        assertThat(user.path("roles").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("FOCAL_POINT", "DELEGATE");
        assertThat(user.path("delegationId").asString()).isEqualTo("ghana");
        assertThat(user.path("delegateId").asString()).isEqualTo("d-9");
    }

    @Test
    void ignoresUnknownRolesAndAFocalPointRoleWithoutDelegation() {
        JsonNode user = json(mvc.get().uri("/api/secured/me")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("someone", "FOCAL_POINT", "SUPERUSER"))
                .exchange());

        assertThat(user.path("roles")).isEmpty();
    }

    @Test
    void letsAFocalPointActForTheirOwnDelegationOnly() {
        String focalPoint = TestTokens.bearer("focal-gh", List.of("FOCAL_POINT"),
                Map.of(CurrentUser.DELEGATION_ID_CLAIM, "ghana"));

        assertThat(mvc.get().uri("/api/secured/delegations/ghana").header(HttpHeaders.AUTHORIZATION, focalPoint))
                .hasStatusOk();
        JsonNode problem = problem(mvc.get().uri("/api/secured/delegations/korea")
                .header(HttpHeaders.AUTHORIZATION, focalPoint).exchange(), HttpStatus.NOT_FOUND);
        assertThat(problem.path("detail").asString()).isEqualTo("delegation korea not found");
    }

    private static JsonNode json(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        return JSON.readTree(result.getResponse().getContentAsByteArray());
    }

    private static JsonNode problem(MvcTestResult result, HttpStatus status) {
        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode body = JSON.readTree(result.getResponse().getContentAsByteArray());
        assertThat(body.path("status").asInt()).isEqualTo(status.value());
        return body;
    }
}
