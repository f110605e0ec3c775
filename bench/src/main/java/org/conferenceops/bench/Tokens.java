package org.conferenceops.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Access tokens minted by the stack's dev issuer ({@code POST <issuer>/token?role=…&delegation=…&delegate=…}),
 * one per role and identity, cached for the run (they live an hour).
 */
public final class Tokens {

    private final Api api;
    private final URI tokenUri;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public Tokens(Api api, URI tokenUri) {
        this.api = api;
        this.tokenUri = tokenUri;
    }

    public String organizer() {
        return mint(Map.of("role", "ORGANIZER"));
    }

    public String ops() {
        return mint(Map.of("role", "OPS"));
    }

    /** A delegation's focal point, e.g. for {@code seoul-2021-KOR}. */
    public String focalPoint(String delegationId) {
        return mint(Map.of("role", "FOCAL_POINT", "delegation", delegationId));
    }

    /** A delegate of a delegation. */
    public String delegate(String delegationId, String delegateId) {
        return mint(Map.of("role", "DELEGATE", "delegation", delegationId, "delegate", delegateId));
    }

    private String mint(Map<String, String> claims) {
        Map<String, String> ordered = new LinkedHashMap<>();
        claims.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
        ordered.put("ttl", "7200");
        String form = ordered.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return cache.computeIfAbsent(form, key -> {
            Api.Response response = api.send("POST", tokenUri, null, key,
                    Map.of("Content-Type", "application/x-www-form-urlencoded")).requireOk("token from " + tokenUri);
            String token = response.text("access_token");
            if (token == null) {
                throw new IllegalStateException("the issuer at " + tokenUri + " answered without an access_token");
            }
            return token;
        });
    }
}
