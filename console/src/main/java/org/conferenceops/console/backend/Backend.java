package org.conferenceops.console.backend;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Calls the services' HTTP APIs as the signed-in user: every request carries the user's own bearer token, so the
 * services decide what the user may see and do, exactly as for any other client. Answers are read as plain JSON
 * maps and lists; the console keeps no copy of the services' types.
 */
@Component
public class Backend {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    private final ConsoleProperties properties;
    private final RestClient http;

    Backend(ConsoleProperties properties, RestClient.Builder builder) {
        this.properties = properties;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(2));
        requests.setReadTimeout(Duration.ofSeconds(10));
        this.http = builder.clone().requestFactory(requests).build();
    }

    /** A JSON object, as the current user. */
    public Map<String, Object> object(Service service, String path, Object... uriVariables) {
        return call(() -> http.get().uri(uri(service, path, uriVariables)).headers(this::authorise)
                .retrieve().body(OBJECT));
    }

    /** A JSON array of objects, as the current user. */
    public List<Map<String, Object>> list(Service service, String path, Object... uriVariables) {
        return call(() -> http.get().uri(uri(service, path, uriVariables)).headers(this::authorise)
                .retrieve().body(LIST));
    }

    /** A JSON array of objects with an explicit token (for work outside a request, such as a live stream). */
    public List<Map<String, Object>> list(String token, Service service, String path, Object... uriVariables) {
        return call(() -> http.get().uri(uri(service, path, uriVariables)).headers(h -> h.setBearerAuth(token))
                .retrieve().body(LIST));
    }

    /** A JSON object with an explicit token (for work outside a request, such as a live stream). */
    public Map<String, Object> object(String token, Service service, String path, Object... uriVariables) {
        return call(() -> http.get().uri(uri(service, path, uriVariables)).headers(h -> h.setBearerAuth(token))
                .retrieve().body(OBJECT));
    }

    /** Raw bytes, e.g. a badge image. */
    public byte[] bytes(Service service, String path, Object... uriVariables) {
        return call(() -> http.get().uri(uri(service, path, uriVariables)).headers(this::authorise)
                .retrieve().body(byte[].class));
    }

    /** Plain text without a token, e.g. a service's public Prometheus scrape. */
    public String publicText(Service service, String path) {
        return call(() -> http.get().uri(properties.baseUrl(service).resolve(path)).retrieve().body(String.class));
    }

    /** POSTs a JSON body (or none) and returns the JSON answer, as the current user. */
    public Map<String, Object> post(Service service, String path, @Nullable Object body,
            Object... uriVariables) {
        return call(() -> {
            RestClient.RequestBodySpec request = http.post().uri(uri(service, path, uriVariables))
                    .headers(this::authorise).contentType(MediaType.APPLICATION_JSON);
            if (body != null) {
                request.body(body);
            }
            Map<String, Object> answer = request.retrieve().body(OBJECT);
            return answer != null ? answer : Map.<String, Object>of();
        });
    }

    /** PUTs a JSON body and returns the JSON answer, as the current user. */
    public Map<String, Object> put(Service service, String path, Object body, Object... uriVariables) {
        return call(() -> {
            Map<String, Object> answer = http.put().uri(uri(service, path, uriVariables)).headers(this::authorise)
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(OBJECT);
            return answer != null ? answer : Map.<String, Object>of();
        });
    }

    /** The bearer token of the user of the current request. */
    public static String currentToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return jwt.getToken().getTokenValue();
        }
        throw new BackendException(401, "not signed in");
    }

    private void authorise(HttpHeaders headers) {
        headers.setBearerAuth(currentToken());
    }

    private URI uri(Service service, String path, Object... uriVariables) {
        String base = properties.baseUrl(service).toString().replaceAll("/+$", "");
        return org.springframework.web.util.UriComponentsBuilder.fromUriString(base + path)
                .buildAndExpand(uriVariables).encode().toUri();
    }

    private static <T> T call(java.util.function.Supplier<@Nullable T> call) {
        try {
            T result = call.get();
            if (result == null) {
                throw new BackendException(502, "empty answer");
            }
            return result;
        }
        catch (RestClientResponseException e) {
            throw new BackendException(e.getStatusCode().value(), detail(e));
        }
        catch (ResourceAccessException e) {
            throw new BackendException(503, "service unreachable");
        }
    }

    private static String detail(RestClientResponseException e) {
        try {
            Map<String, Object> problem = e.getResponseBodyAs(OBJECT);
            if (problem != null) {
                Object detail = problem.get("detail") != null ? problem.get("detail") : problem.get("title");
                if (detail != null) {
                    return detail.toString();
                }
            }
        }
        catch (RuntimeException ignored) {
            // not a problem document: the status text below says enough
        }
        return e.getStatusText();
    }
}
