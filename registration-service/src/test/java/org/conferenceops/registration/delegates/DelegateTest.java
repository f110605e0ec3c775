package org.conferenceops.registration.delegates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.conferenceops.events.registration.AccreditationCategory;
import org.conferenceops.events.registration.AccreditationRejected;
import org.conferenceops.events.registration.BadgeIssued;
import org.conferenceops.events.registration.BadgeRevoked;
import org.conferenceops.events.registration.DelegateAccredited;
import org.conferenceops.events.registration.DelegateErased;
import org.conferenceops.events.registration.DelegateUpdated;
import org.conferenceops.events.registration.RegistrationWithdrawn;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.platform.problem.IllegalStateTransitionException;
import org.conferenceops.registration.delegations.DelegationRole;
import org.junit.jupiter.api.Test;

/** Given a delegate in some state, when a command, then these events or a refusal naming the state. */
class DelegateTest {

    private final Clock clock = Clock.fixed(Instant.parse("2025-05-01T09:00:00Z"), ZoneOffset.UTC);

    private Delegate pending() {
        return Delegate.register("dlg-1", "berlin-2025", "berlin-2025-GHA", DelegationRole.HEAD,
                AccreditationCategory.MEMBER_STATE_DELEGATE, VipRank.MINISTER,
                new Profile("H.E.", " Kwame ", "Asante", null, null, null, UnLanguage.ENGLISH, "Africa/Accra", null),
                " Kwame.Asante@Example.org ", new SealedValue("x"), clock.instant()).delegate();
    }

    @Test
    void registeringNormalisesTheEmailAndAnnouncesTheDelegateWithoutTheIdentityDocument() {
        Delegate.Registered registered = Delegate.register("dlg-1", "berlin-2025", "berlin-2025-GHA",
                DelegationRole.ADVISER, AccreditationCategory.MEMBER_STATE_DELEGATE, VipRank.NONE,
                new Profile(null, "Ama", "Mensah", null, null, null, UnLanguage.FRENCH, null, null),
                "AMA@example.org", new SealedValue("secret"), clock.instant());

        assertThat(registered.delegate().email()).isEqualTo("ama@example.org");
        assertThat(registered.delegate().status()).isEqualTo(DelegateStatus.PENDING);
        assertThat(registered.events()).singleElement().satisfies(e -> {
            assertThat(e.email()).isEqualTo("ama@example.org");
            assertThat(e.toString()).doesNotContain("secret");
        });
    }

    @Test
    void accreditingAPendingDelegateRaisesDelegateAccreditedOnceWithTheVipFlag() {
        Delegate delegate = pending();

        assertThat(delegate.accredit(clock.instant())).singleElement().isInstanceOfSatisfying(DelegateAccredited.class,
                e -> assertThat(e.vip()).isTrue());
        assertThat(delegate.accredit(clock.instant())).isEmpty();
        assertThat(delegate.status()).isEqualTo(DelegateStatus.ACCREDITED);
    }

    @Test
    void rejectingCarriesTheReasonAndAfterwardsAccreditationIsRefusedNamingTheState() {
        Delegate delegate = pending();

        assertThat(delegate.reject(" no Note Verbale ", clock.instant())).singleElement()
                .isInstanceOfSatisfying(AccreditationRejected.class, e -> assertThat(e.reason()).isEqualTo("no Note Verbale"));
        assertThatThrownBy(() -> delegate.accredit(clock.instant())).isInstanceOf(IllegalStateTransitionException.class)
                .hasMessageContaining("REJECTED");
    }

    @Test
    void aBadgeNeedsAccreditationAndWithdrawalRevokesItBeforeWithdrawing() {
        Delegate delegate = pending();
        assertThatThrownBy(() -> delegate.issueBadge("bdg-1", clock.instant()))
                .isInstanceOf(IllegalStateTransitionException.class).hasMessageContaining("PENDING");
        delegate.accredit(clock.instant());

        assertThat(delegate.issueBadge("bdg-1", clock.instant())).singleElement().isInstanceOf(BadgeIssued.class);
        assertThat(delegate.issueBadge("bdg-2", clock.instant())).isEmpty();
        assertThat(delegate.withdraw("left", null, clock.instant())).hasExactlyElementsOfTypes(BadgeRevoked.class,
                RegistrationWithdrawn.class);
        assertThat(delegate.badge()).hasValueSatisfying(b -> assertThat(b.valid()).isFalse());
        assertThatThrownBy(() -> delegate.update(delegate.profile(), "new@example.org", null, clock.instant()))
                .isInstanceOf(IllegalStateTransitionException.class).hasMessageContaining("WITHDRAWN");
    }

    @Test
    void changingTheLanguageIsPublishedButChangingOnlyThePhoneIsNot() {
        Delegate delegate = pending();
        Profile p = delegate.profile();

        assertThat(delegate.update(new Profile(p.title(), p.givenName(), p.familyName(), null, null, "+233 30 000",
                p.preferredLanguage(), p.timeZone(), null), delegate.email(), null, clock.instant())).isEmpty();
        assertThat(delegate.update(new Profile(p.title(), p.givenName(), p.familyName(), null, null, "+233 30 000",
                UnLanguage.ARABIC, p.timeZone(), null), delegate.email(), null, clock.instant())).singleElement()
                .isInstanceOfSatisfying(DelegateUpdated.class, e -> assertThat(e.preferredLanguage()).isEqualTo(UnLanguage.ARABIC));
    }

    @Test
    void erasureRemovesEveryPersonalDetailAndRevokesTheBadge() {
        Delegate delegate = pending();
        delegate.accredit(clock.instant());
        delegate.issueBadge("bdg-1", clock.instant());
        delegate.addDocument(new DocumentOnFile(DocumentOnFile.Kind.NOTE_VERBALE, "NV-1", null, clock.instant()));

        assertThat(delegate.erase(clock.instant())).hasExactlyElementsOfTypes(BadgeRevoked.class, DelegateErased.class);
        assertThat(delegate.profile().givenName()).isEqualTo("erased");
        assertThat(delegate.email()).doesNotContain("asante");
        assertThat(delegate.identityDocument()).isNull();
        assertThat(delegate.documents()).isEmpty();
        assertThat(delegate.erase(clock.instant())).isEmpty();
    }
}
