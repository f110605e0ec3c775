package org.conferenceops.infra.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DevTokenIssuerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    private final HttpClient http = HttpClient.newHttpClient();
    private final DevTokenIssuer issuer = DevTokenIssuer.builder()
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build()
            .start();

    @AfterEach
    void stop() {
        issuer.close();
        http.close();
    }

    @Test
    void mintedTokenVerifiesAgainstTheServedJwks() throws Exception {
        String token = issuer.mint(TokenRequest.focalPoint("del-ghana"));

        JWTClaimsSet claims = verify(token, servedJwks());

        assertThat(claims.getIssuer()).isEqualTo(issuer.issuer()).startsWith("http://127.0.0.1:");
        assertThat(claims.getSubject()).isEqualTo("focal-point-del-ghana");
        assertThat(claims.getStringListClaim("roles")).containsExactly("FOCAL_POINT");
        assertThat(claims.getStringClaim("delegation_id")).isEqualTo("del-ghana");
        assertThat(claims.getClaims()).doesNotContainKeys("delegate_id", "scope");
        assertThat(SignedJWT.parse(token).getHeader().getKeyID())
                .isEqualTo(issuer.publicJwkSet().getKeys().getFirst().getKeyID());
    }

    @Test
    void tokenEndpointMintsTokensWithTheRequestedClaimsAndLifetime() throws Exception {
        HttpResponse<String> response = post("role=DELEGATE&role=ops&delegation=del-7&delegate=dlg-42&ttl=600");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(600);
        JWTClaimsSet claims = SignedJWT.parse(body.get("access_token").asString()).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).containsExactly("DELEGATE", "OPS");
        assertThat(claims.getStringClaim("delegation_id")).isEqualTo("del-7");
        assertThat(claims.getStringClaim("delegate_id")).isEqualTo("dlg-42");
        assertThat(claims.getSubject()).isEqualTo("delegate-dlg-42");
        assertThat(claims.getIssueTime()).isEqualTo(Date.from(NOW));
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(NOW.plusSeconds(600)));
    }

    @Test
    void tokenEndpointAcceptsQueryParametersAndDefaultsToEightHours() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuer.tokenUri()
                        + "?role=ORGANIZER&subject=alice")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("expires_in").asLong()).isEqualTo(Duration.ofHours(8).toSeconds());
        JWTClaimsSet claims = verify(body.get("access_token").asString(), servedJwks());
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(8))));
    }

    @Test
    void badTokenRequestsGetA400Problem() throws Exception {
        for (String form : new String[] {"", "role=KING", "role=FOCAL_POINT", "role=DELEGATE&delegation=d-1",
                "role=OPS&ttl=soon", "role=OPS&colour=blue"}) {
            HttpResponse<String> response = post(form);

            assertThat(response.statusCode()).as(form).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.get("type").asString()).isEqualTo(DevTokenIssuer.INVALID_REQUEST_TYPE);
            assertThat(problem.get("title").asString()).isEqualTo("Invalid token request");
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.get("detail").asString()).as(form).isNotBlank();
        }
    }

    @Test
    void discoveryDocumentNamesTheIssuerAndItsJwks() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(issuer.discoveryUri()).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode document = JSON.readTree(response.body());
        assertThat(document.get("issuer").asString()).isEqualTo(issuer.issuer());
        assertThat(document.get("jwks_uri").asString()).isEqualTo(issuer.jwksUri().toString());
    }

    @Test
    void jwksServesThePublicKeyOnly() throws Exception {
        JWKSet served = servedJwks();

        assertThat(served.getKeys()).singleElement().satisfies(key -> {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        });
    }

    @Test
    void tokensFromAnotherKeyAreRejected() throws Exception {
        try (DevTokenIssuer other = DevTokenIssuer.builder().build().start()) {
            String foreign = other.mint(TokenRequest.organizer());

            assertThatThrownBy(() -> verify(foreign, servedJwks())).isInstanceOf(BadJOSEException.class);
        }
    }

    @Test
    void keyFileKeepsTokensValidAcrossRestarts(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("issuer-key.json");
        String token;
        int port;
        try (DevTokenIssuer first = DevTokenIssuer.builder().keyFile(keyFile).build().start()) {
            token = first.mint(TokenRequest.ops());
            port = first.port();
        }
        assertThat(keyFile).exists();
        assertThat(Files.readString(keyFile)).contains("\"d\"");

        try (DevTokenIssuer second = DevTokenIssuer.builder().port(port).keyFile(keyFile).build().start()) {
            JWKSet jwks = JWKSet.load(second.jwksUri().toURL());
            assertThat(verify(token, jwks).getStringListClaim("roles")).containsExactly("OPS");
        }
    }

    @Test
    void mintingBeforeStartIsRefused() {
        DevTokenIssuer notStarted = DevTokenIssuer.builder().build();

        assertThatThrownBy(() -> notStarted.mint(TokenRequest.ops())).isInstanceOf(IllegalStateException.class);
    }

    private JWKSet servedJwks() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(issuer.jwksUri()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JWKSet.parse(response.body());
    }

    private JWTClaimsSet verify(String token, JWKSet jwks) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(jwks)));
        // the fixed test clock is in the past, so leave expiry to the explicit claim assertions
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        return processor.process(token, null);
    }

    private HttpResponse<String> post(String form) throws Exception {
        return http.send(HttpRequest.newBuilder(issuer.tokenUri())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
