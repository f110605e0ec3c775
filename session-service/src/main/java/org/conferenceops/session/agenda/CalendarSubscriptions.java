package org.conferenceops.session.agenda;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.conferenceops.platform.outbox.EventOutbox;
import org.conferenceops.platform.problem.ConflictException;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.NotFoundException;
import org.conferenceops.platform.problem.RuleViolationException;
import org.conferenceops.platform.security.CurrentUser;
import org.conferenceops.platform.security.Role;
import org.conferenceops.session.accreditation.AccreditationStatus;
import org.conferenceops.session.accreditation.AccreditedDelegate;
import org.conferenceops.session.accreditation.AccreditedDelegateRepository;
import org.conferenceops.session.accreditation.FeedRevocation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Personal calendar subscriptions: a delegate obtains a URL with a secret token (256 random bits) that a calendar
 * client can poll without a bearer token. Only the token's SHA-256 is stored, so the URL is shown once, when it is
 * issued; asking again rotates it. A feed is served only while its delegate is accredited; withdrawal and erasure
 * delete the subscription.
 */
@Service
class CalendarSubscriptions implements FeedRevocation {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final CalendarSubscriptionRepository subscriptions;
    private final AccreditedDelegateRepository delegates;
    private final EventOutbox outbox;
    private final Clock clock;

    CalendarSubscriptions(CalendarSubscriptionRepository subscriptions, AccreditedDelegateRepository delegates,
            EventOutbox outbox, Clock clock) {
        this.subscriptions = subscriptions;
        this.delegates = delegates;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A subscription just issued, with the only copy of its token. */
    record Issued(CalendarSubscription subscription, String token) {
    }

    /** Issues the caller's subscription, or rotates it (the previous URL stops working at once). */
    Issued issue(CurrentUser caller) {
        String delegateId = delegateOf(caller);
        boolean accredited = delegates.findById(delegateId).map(AccreditedDelegate::status)
                .filter(AccreditationStatus.ACCREDITED::equals).isPresent();
        if (!accredited) {
            throw new RuleViolationException("not-accredited", new FieldViolation("delegateId", "not-accredited",
                    "delegate " + delegateId + " is not accredited, so has no calendar feed"));
        }
        String token = newToken();
        Optional<CalendarSubscription> existing = subscriptions.findById(delegateId);
        try {
            CalendarSubscription saved = existing.isPresent()
                    ? outbox.save(existing.get(), existing.get().rotate(hash(token), clock.instant()))
                    : outbox.save(CalendarSubscription.issue(delegateId, hash(token), clock.instant()), List.of());
            return new Issued(saved, token);
        }
        catch (DuplicateKeyException e) {
            throw new ConflictException("a calendar subscription of delegate " + delegateId
                    + " was issued at the same moment; ask again to rotate it");
        }
    }

    /** The caller's subscription (without its token, which is not stored), or 404. */
    CalendarSubscription current(CurrentUser caller) {
        String delegateId = delegateOf(caller);
        return subscriptions.findById(delegateId)
                .orElseThrow(() -> new NotFoundException("calendar subscription", delegateId));
    }

    /** Revokes the caller's subscription; 404 when there is none. */
    void revoke(CurrentUser caller) {
        subscriptions.delete(current(caller));
    }

    @Override
    public void revokeFeedsOf(String delegateId) {
        subscriptions.deleteById(delegateId);
    }

    /** The delegate whose feed a token opens, if it is current and the delegate still accredited. */
    Optional<String> ownerOf(String token) {
        if (!TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return subscriptions.findByTokenHash(hash(token)).map(CalendarSubscription::delegateId)
                // a subscription issued while a withdrawal was being applied must not outlive it
                .filter(delegateId -> delegates.findById(delegateId).map(AccreditedDelegate::status)
                        .filter(AccreditationStatus.ACCREDITED::equals).isPresent());
    }

    private static String delegateOf(CurrentUser caller) {
        if (!caller.has(Role.DELEGATE) || caller.delegateId() == null) {
            throw new AccessDeniedException("only delegates have a personal calendar feed");
        }
        return caller.delegateId();
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
