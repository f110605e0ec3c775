package org.conferenceops.registration.badges;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.conferenceops.platform.outbox.EventOutbox;
import org.conferenceops.platform.problem.NotFoundException;
import org.conferenceops.platform.security.CurrentUser;
import org.conferenceops.registration.delegates.Badge;
import org.conferenceops.registration.delegates.Delegate;
import org.conferenceops.registration.delegates.DelegateRegistration;
import org.springframework.stereotype.Service;

/** Issuing, showing and revoking badges. */
@Service
public class Badges {

    private final DelegateRegistration registration;
    private final BadgeSigner signer;
    private final EventOutbox outbox;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Badges(DelegateRegistration registration, BadgeSigner signer, EventOutbox outbox, Clock clock) {
        this.registration = registration;
        this.signer = signer;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Issues a badge to an accredited delegate (organisers); a valid badge is returned as it is. */
    BadgeView issue(CurrentUser caller, String delegateId) {
        Delegate delegate = registration.find(caller, delegateId);
        byte[] id = new byte[12];
        random.nextBytes(id);
        Delegate saved = outbox.save(delegate, delegate.issueBadge(
                "bdg-" + Base64.getUrlEncoder().withoutPadding().encodeToString(id), clock.instant()));
        return view(saved);
    }

    /** Revokes the delegate's valid badge (organisers), e.g. when it is lost. */
    BadgeView revoke(CurrentUser caller, String delegateId, String reason) {
        Delegate delegate = registration.find(caller, delegateId);
        return view(outbox.save(delegate, delegate.revokeBadge(reason, clock.instant())));
    }

    /** The delegate's badge, for the delegate, their focal point and organisers. */
    BadgeView find(CurrentUser caller, String delegateId) {
        return view(registration.find(caller, delegateId));
    }

    Delegate holder(CurrentUser caller, String delegateId) {
        return registration.find(caller, delegateId);
    }

    BadgeView view(Delegate delegate) {
        Badge badge = delegate.badge().orElseThrow(() -> new NotFoundException("badge of delegate", delegate.id()));
        return new BadgeView(badge.badgeId(), delegate.id(), delegate.conferenceId(), delegate.category(),
                badge.valid(), badge.issuedAt(), badge.revokedAt(), badge.revocationReason(),
                badge.valid() ? signer.sign(badge.badgeId(), delegate.conferenceId()) : null);
    }
}
