package org.conferenceops.notification.webhooks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.NotFoundException;
import org.conferenceops.platform.problem.RuleViolationException;
import org.conferenceops.platform.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook subscriptions of a delegation, managed by its focal point or an organiser. The secret is shown once, when
 * the subscription is created. Outside local mode only HTTPS endpoints are accepted; an endpoint that cannot be
 * reached at registration is accepted with a warning (it may not be deployed yet).
 */
@RestController
class WebhookController {

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookSettings settings;
    private final Clock clock;

    WebhookController(WebhookSubscriptionRepository subscriptions, WebhookSettings settings, Clock clock) {
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.clock = clock;
    }

    record SubscriptionRequest(@NotBlank String url, @NotBlank @Email String contactEmail,
            @Nullable List<@NotBlank String> kinds) {
    }

    record SubscriptionView(String id, String delegationId, String url, String contactEmail, List<String> kinds,
            String status, int consecutiveFailures, Instant createdAt, @Nullable Instant suspendedAt,
            @Nullable String secret, List<String> warnings) {

        static SubscriptionView of(WebhookSubscription s, @Nullable String secret, List<String> warnings) {
            return new SubscriptionView(s.id(), s.delegationId(), s.url(), s.contactEmail(),
                    s.kinds().stream().sorted().toList(), s.status().name(), s.consecutiveFailures(), s.createdAt(),
                    s.suspendedAt(), secret, warnings);
        }
    }

    @PostMapping("/api/delegations/{delegationId}/webhooks")
    ResponseEntity<SubscriptionView> create(@PathVariable String delegationId,
            @Valid @RequestBody SubscriptionRequest request, CurrentUser caller) {
        requireMayAct(delegationId, caller);
        URI url = validated(request.url());
        WebhookSubscription created = subscriptions.insert(WebhookSubscription.create(delegationId, url.toString(),
                request.contactEmail(), Set.copyOf(request.kinds() == null ? List.of() : request.kinds()),
                clock.instant()));
        List<String> warnings = settings.probeOnCreate() ? probe(url) : List.of();
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/api/delegations/" + delegationId + "/webhooks/" + created.id())
                .body(SubscriptionView.of(created, created.secret(), warnings));
    }

    @GetMapping("/api/delegations/{delegationId}/webhooks")
    List<SubscriptionView> list(@PathVariable String delegationId, CurrentUser caller) {
        requireMayAct(delegationId, caller);
        return subscriptions.findByDelegationId(delegationId).stream()
                .map(s -> SubscriptionView.of(s, null, List.of())).toList();
    }

    @GetMapping("/api/delegations/{delegationId}/webhooks/{subscriptionId}")
    SubscriptionView one(@PathVariable String delegationId, @PathVariable String subscriptionId, CurrentUser caller) {
        return SubscriptionView.of(find(delegationId, subscriptionId, caller), null, List.of());
    }

    /** Resumes deliveries to a suspended subscription (its owner fixed the endpoint). */
    @PostMapping("/api/delegations/{delegationId}/webhooks/{subscriptionId}/reactivation")
    SubscriptionView reactivate(@PathVariable String delegationId, @PathVariable String subscriptionId,
            CurrentUser caller) {
        WebhookSubscription subscription = find(delegationId, subscriptionId, caller);
        subscription.reactivate();
        return SubscriptionView.of(subscriptions.save(subscription), null, List.of());
    }

    @DeleteMapping("/api/delegations/{delegationId}/webhooks/{subscriptionId}")
    ResponseEntity<Void> delete(@PathVariable String delegationId, @PathVariable String subscriptionId,
            CurrentUser caller) {
        subscriptions.delete(find(delegationId, subscriptionId, caller));
        return ResponseEntity.noContent().build();
    }

    private WebhookSubscription find(String delegationId, String subscriptionId, CurrentUser caller) {
        requireMayAct(delegationId, caller);
        return subscriptions.findById(subscriptionId).filter(s -> s.delegationId().equals(delegationId))
                .orElseThrow(() -> new NotFoundException("webhook subscription", subscriptionId));
    }

    private static void requireMayAct(String delegationId, CurrentUser caller) {
        if (!caller.mayActForDelegation(delegationId)) {
            throw new NotFoundException("delegation", delegationId);
        }
    }

    private URI validated(String url) {
        URI uri;
        try {
            uri = new URI(url);
        }
        catch (URISyntaxException e) {
            throw invalid("invalid-url", "must be an absolute URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null
                || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
            throw invalid("invalid-url", "must be an absolute http(s) URL");
        }
        if (uri.getUserInfo() != null) {
            throw invalid("credentials-in-url", "must not carry credentials; the signature authenticates deliveries");
        }
        if ("http".equalsIgnoreCase(uri.getScheme()) && !settings.allowHttp()) {
            throw invalid("https-required", "must use HTTPS");
        }
        return uri;
    }

    private static RuleViolationException invalid(String code, String message) {
        return new RuleViolationException("webhook-url", new FieldViolation("url", code, message));
    }

    private List<String> probe(URI url) {
        int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        List<String> warnings = new ArrayList<>();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), port), (int) settings.timeout().toMillis());
        }
        catch (IOException e) {
            warnings.add("endpoint not reachable now (" + e.getClass().getSimpleName()
                    + "); deliveries will be retried and the subscription suspended if it stays unreachable");
        }
        return warnings;
    }
}
