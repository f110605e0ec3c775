package org.conferenceops.session.agenda;

import java.net.URI;
import java.time.Instant;
import org.conferenceops.platform.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A delegate's calendar subscription: {@code POST} issues (or rotates) the secret feed URL and shows it this once,
 * {@code GET} says whether one exists and since when, {@code DELETE} revokes it. DELEGATE tokens only (403 otherwise).
 */
@RestController
class CalendarSubscriptionController {

    private final CalendarSubscriptions subscriptions;
    private final CalendarProperties properties;

    CalendarSubscriptionController(CalendarSubscriptions subscriptions, CalendarProperties properties) {
        this.subscriptions = subscriptions;
        this.properties = properties;
    }

    /**
     * A subscription as shown to its delegate.
     *
     * @param feedUrl    the HTTPS (or local HTTP) address of the personal feed; only in the answer that issued it
     * @param webcalUrl  the same as {@code webcal://}, which opens the subscribe dialog of calendar applications
     * @param issuedAt   when the current token was issued
     * @param rotations  how often the token was replaced
     */
    record SubscriptionView(String delegateId, @Nullable URI feedUrl, @Nullable URI webcalUrl, Instant issuedAt,
            int rotations) {
    }

    @PostMapping("/api/me/calendar-subscription")
    ResponseEntity<SubscriptionView> issue(CurrentUser caller) {
        CalendarSubscriptions.Issued issued = subscriptions.issue(caller);
        URI feed = base().path("/api/calendar/{token}.ics").buildAndExpand(issued.token()).toUri();
        URI webcal = UriComponentsBuilder.fromUri(feed).scheme("webcal").build().toUri();
        CalendarSubscription s = issued.subscription();
        // the URL is a credential: no cache may keep the answer
        return ResponseEntity.status(201).cacheControl(CacheControl.noStore())
                .body(new SubscriptionView(s.delegateId(), feed, webcal, s.issuedAt(), s.rotations()));
    }

    @GetMapping("/api/me/calendar-subscription")
    SubscriptionView current(CurrentUser caller) {
        CalendarSubscription s = subscriptions.current(caller);
        return new SubscriptionView(s.delegateId(), null, null, s.issuedAt(), s.rotations());
    }

    @DeleteMapping("/api/me/calendar-subscription")
    ResponseEntity<Void> revoke(CurrentUser caller) {
        subscriptions.revoke(caller);
        return ResponseEntity.noContent().build();
    }

    private UriComponentsBuilder base() {
        String configured = properties.publicUrl();
        return configured != null && !configured.isBlank() ? UriComponentsBuilder.fromUriString(configured.strip())
                : ServletUriComponentsBuilder.fromCurrentContextPath();
    }
}
