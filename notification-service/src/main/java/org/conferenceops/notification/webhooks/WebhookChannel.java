package org.conferenceops.notification.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import org.conferenceops.events.notification.Channel;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.notification.delivery.ChannelTransport;
import org.conferenceops.notification.delivery.DeliveryFailure;
import org.conferenceops.notification.delivery.FanOut;
import org.conferenceops.notification.delivery.FanOutRequest;
import org.conferenceops.notification.delivery.OutboundMessage;
import org.conferenceops.notification.delivery.Route;
import org.conferenceops.notification.delivery.RouteContributor;
import org.conferenceops.notification.delivery.Target;
import org.conferenceops.notification.recipients.Directory;
import org.conferenceops.notification.recipients.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers to the webhook subscriptions of the delegation a message concerns: a JSON body of the message's facts,
 * signed per Standard Webhooks ({@code webhook-id} = notification id, stable across retries;
 * {@code webhook-timestamp}; {@code webhook-signature: v1,<HMAC-SHA256>}). A 2xx accepts it; 410 Gone is final;
 * anything else is retried by the delivery back-off. Too many consecutive failures suspend the subscription and
 * tell its owner by e-mail.
 */
@Component
class WebhookChannel implements ChannelTransport, RouteContributor {

    static final String SUSPENDED_KIND = "webhook-suspended";
    private static final Logger log = LoggerFactory.getLogger(WebhookChannel.class);

    private final WebhookSubscriptionRepository subscriptions;
    private final Directory directory;
    private final ObjectProvider<FanOut> fanOut;
    private final WebhookSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;

    WebhookChannel(WebhookSubscriptionRepository subscriptions, Directory directory, ObjectProvider<FanOut> fanOut,
            WebhookSettings settings, JsonMapper json, Clock clock) {
        this.subscriptions = subscriptions;
        this.directory = directory;
        this.fanOut = fanOut;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public List<Route> routesFor(Target target, String kind) {
        return switch (target.type()) {
            case DELEGATE -> directory.delegate(target.id()).map(Recipient::delegationId)
                    .map(delegation -> subscribed(delegation, kind)).orElse(List.of());
            case FOCAL_POINT -> subscribed(target.id(), kind);
            case SUBSCRIPTION_OWNER -> subscriptions.findById(target.id()).map(s -> List.of(new Route(
                    "owner:" + s.id(), Channel.EMAIL, s.contactEmail(), UnLanguage.ENGLISH, java.time.ZoneOffset.UTC,
                    null, "webhook owner", null, s.delegationId()))).orElse(List.of());
        };
    }

    /**
     * A fan-out batch's targets: their delegations read with one query, the subscriptions of all those delegations
     * with another (not two queries per target, which made route look-up the slowest step of a large fan-out).
     */
    @Override
    public Map<Target, List<Route>> routesFor(List<Target> targets, String kind) {
        Map<Target, String> delegationOf = new HashMap<>();
        Map<Target, List<Route>> routes = new HashMap<>();
        List<String> delegateIds = new ArrayList<>();
        for (Target target : targets) {
            switch (target.type()) {
                case DELEGATE -> delegateIds.add(target.id());
                case FOCAL_POINT -> delegationOf.put(target, target.id());
                case SUBSCRIPTION_OWNER -> routes.put(target, routesFor(target, kind));
            }
        }
        for (Recipient recipient : directory.delegates(delegateIds)) {
            delegationOf.put(Target.delegate(recipient.delegateId()), recipient.delegationId());
        }
        if (delegationOf.isEmpty() || SUSPENDED_KIND.equals(kind)) {
            // a suspension notice goes to the subscription's owner, never to the suspended endpoints
            return routes;
        }
        Map<String, List<WebhookSubscription>> byDelegation = new HashMap<>();
        for (WebhookSubscription subscription : subscriptions.findByDelegationIdIn(
                new java.util.HashSet<>(delegationOf.values()))) {
            byDelegation.computeIfAbsent(subscription.delegationId(), d -> new ArrayList<>()).add(subscription);
        }
        delegationOf.forEach((target, delegationId) -> {
            List<Route> found = routes(delegationId, byDelegation.getOrDefault(delegationId, List.of()), kind);
            if (!found.isEmpty()) {
                routes.put(target, found);
            }
        });
        return routes;
    }

    private List<Route> subscribed(String delegationId, String kind) {
        if (SUSPENDED_KIND.equals(kind)) {
            return List.of();
        }
        return routes(delegationId, subscriptions.findByDelegationId(delegationId), kind);
    }

    private static List<Route> routes(String delegationId, List<WebhookSubscription> ofDelegation, String kind) {
        List<Route> routes = new ArrayList<>();
        for (WebhookSubscription subscription : ofDelegation) {
            if (subscription.wants(kind)) {
                routes.add(new Route(subscription.id(), Channel.WEBHOOK, subscription.url(), UnLanguage.ENGLISH,
                        java.time.ZoneOffset.UTC, null, subscription.delegationId(), null, delegationId));
            }
        }
        return routes;
    }

    @Override
    public void send(OutboundMessage message) {
        WebhookSubscription subscription = subscriptions.findById(message.route().recipientId())
                .filter(s -> s.status() == SubscriptionStatus.ACTIVE)
                .orElseThrow(() -> new DeliveryFailure("subscription suspended or deleted", true));
        long timestamp = clock.instant().getEpochSecond();
        String body = body(message, timestamp);
        String signature;
        try {
            signature = new Webhook(subscription.secret()).sign(message.notificationId(), timestamp, body);
        }
        catch (WebhookSigningException | com.standardwebhooks.exceptions.EmptyWebhookSecretException e) {
            throw new DeliveryFailure("cannot sign the delivery", true, e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url())).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("webhook-id", message.notificationId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        catch (java.io.IOException e) {
            throw new DeliveryFailure("endpoint unreachable: " + e.getClass().getSimpleName(), false, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted", false, e);
        }
        if (status == 410) {
            throw new DeliveryFailure("endpoint answered 410 Gone", true);
        }
        if (status < 200 || status > 299) {
            throw new DeliveryFailure("endpoint answered " + status, false);
        }
    }

    private String body(OutboundMessage message, long timestamp) {
        Map<String, Object> data = new LinkedHashMap<>(new java.util.TreeMap<>(message.values()));
        data.put("sourceEventId", message.sourceEventId());
        if (message.route().delegationId() != null) {
            data.put("delegationId", message.route().delegationId());
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "conference-ops." + message.kind());
        payload.put("timestamp", Instant.ofEpochSecond(timestamp).toString());
        payload.put("data", data);
        return json.writeValueAsString(payload);
    }

    @Override
    public void delivered(Route route) {
        change(route.recipientId(), subscription -> {
            subscription.delivered();
            return false;
        });
    }

    @Override
    public void attemptFailed(Route route) {
        boolean suspended = change(route.recipientId(),
                subscription -> subscription.attemptFailed(settings.suspendAfter(), clock.instant()));
        if (suspended) {
            subscriptions.findById(route.recipientId()).ifPresent(this::tellOwner);
        }
    }

    private boolean change(String subscriptionId, java.util.function.Function<WebhookSubscription, Boolean> change) {
        for (int attempt = 0; attempt < 5; attempt++) {
            WebhookSubscription subscription = subscriptions.findById(subscriptionId).orElse(null);
            if (subscription == null) {
                return false;
            }
            try {
                boolean result = change.apply(subscription);
                subscriptions.save(subscription);
                return result;
            }
            catch (OptimisticLockingFailureException concurrent) {
                // another delivery to the same endpoint finished at the same time: read again
            }
        }
        log.warn("Could not record the outcome of a delivery to {} after 5 attempts", subscriptionId);
        return false;
    }

    private void tellOwner(WebhookSubscription subscription) {
        log.warn("Webhook subscription {} suspended after {} consecutive failures", subscription.id(),
                subscription.consecutiveFailures());
        fanOut.getObject().start(new FanOutRequest("whs-suspended-" + subscription.id() + "-"
                + subscription.suspensions(), null, SUSPENDED_KIND, true, Map.of("subscription", subscription.id(),
                "url", subscription.url(), "delegation", subscription.delegationId(),
                "failures", Integer.toString(subscription.consecutiveFailures())),
                List.of(Target.subscriptionOwner(subscription.id())), "", subscription.delegationId(), null));
    }
}
