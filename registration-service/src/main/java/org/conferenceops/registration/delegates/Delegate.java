package org.conferenceops.registration.delegates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.conferenceops.events.registration.AccreditationCategory;
import org.conferenceops.events.registration.AccreditationRejected;
import org.conferenceops.events.registration.BadgeIssued;
import org.conferenceops.events.registration.BadgeRevoked;
import org.conferenceops.events.registration.DelegateAccredited;
import org.conferenceops.events.registration.DelegateErased;
import org.conferenceops.events.registration.DelegateRegistered;
import org.conferenceops.events.registration.DelegateUpdated;
import org.conferenceops.events.registration.RegistrationEvent;
import org.conferenceops.events.registration.RegistrationWithdrawn;
import org.conferenceops.events.shared.UnLanguage;
import org.conferenceops.platform.outbox.AggregateDocument;
import org.conferenceops.platform.problem.IllegalStateTransitionException;
import org.conferenceops.registration.delegations.DelegationRole;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person registered for one conference by their delegation, through accreditation, badge, withdrawal and erasure.
 * One document per delegate; an e-mail address is unique within a conference (a unique index enforces it even
 * under concurrent registrations). Behaviour methods return the events they raise, an empty list for a harmless
 * repeat, or refuse naming the current state.
 */
@Document("delegates")
@CompoundIndex(name = "conference_email", def = "{'conferenceId': 1, 'email': 1}", unique = true)
// every door scan finds its delegate by the badge id in the QR payload
@CompoundIndex(name = "badge_id", def = "{'badge.badgeId': 1}", sparse = true)
// the accreditation gauges count each conference's delegates per status from this index alone; lists filter on it
@CompoundIndex(name = "conference_status", def = "{'conferenceId': 1, 'status': 1}")
public class Delegate extends AggregateDocument {

    @Id
    private final String id;
    @Indexed
    private final String conferenceId;
    private final String delegationId;
    private final DelegationRole role;
    private final AccreditationCategory category;
    private final VipRank vipRank;
    private Profile profile;
    private String email;
    private @Nullable SealedValue identityDocument;
    private DelegateStatus status;
    private @Nullable String rejectionReason;
    private final List<DocumentOnFile> documents;
    private @Nullable Badge badge;
    private @Nullable String substituteDelegateId;
    private final Instant registeredAt;
    private @Nullable Instant decidedAt;
    private Instant updatedAt;

    @PersistenceCreator
    Delegate(String id, String conferenceId, String delegationId, DelegationRole role, AccreditationCategory category,
            VipRank vipRank, Profile profile, String email, @Nullable SealedValue identityDocument,
            DelegateStatus status,
            @Nullable String rejectionReason, @Nullable List<DocumentOnFile> documents, @Nullable Badge badge,
            @Nullable String substituteDelegateId, Instant registeredAt, @Nullable Instant decidedAt,
            Instant updatedAt) {
        this.id = id;
        this.conferenceId = conferenceId;
        this.delegationId = delegationId;
        this.role = role;
        this.category = category;
        this.vipRank = vipRank;
        this.profile = profile;
        this.email = email;
        this.identityDocument = identityDocument;
        this.status = status;
        this.rejectionReason = rejectionReason;
        this.documents = documents == null ? new ArrayList<>() : new ArrayList<>(documents);
        this.badge = badge;
        this.substituteDelegateId = substituteDelegateId;
        this.registeredAt = registeredAt;
        this.decidedAt = decidedAt;
        this.updatedAt = updatedAt;
    }

    /** A newly registered delegate, pending accreditation, and the event that announces it. */
    public static Registered register(String id, String conferenceId, String delegationId, DelegationRole role,
            AccreditationCategory category, VipRank vipRank, Profile profile, String email,
            @Nullable SealedValue identityDocument, Instant now) {
        Profile clean = normalised(profile);
        String cleanEmail = normalisedEmail(email);
        Delegate delegate = new Delegate(id, conferenceId, delegationId, role, category, vipRank, clean, cleanEmail,
                identityDocument, DelegateStatus.PENDING, null, List.of(), null, null, now, null, now);
        return new Registered(delegate, List.of(new DelegateRegistered(id, conferenceId, delegationId,
                clean.givenName(), clean.familyName(), cleanEmail, clean.preferredLanguage(), now)));
    }

    /** A delegate with the events its registration raised. */
    public record Registered(Delegate delegate, List<DelegateRegistered> events) {
    }

    /** Replaces contact details and preferences; the identity document only when a new one is given. */
    public List<RegistrationEvent> update(Profile changed, String newEmail, @Nullable SealedValue newIdentityDocument,
            Instant now) {
        requireActive("update");
        Profile clean = normalised(changed);
        String cleanEmail = normalisedEmail(newEmail);
        if (clean.equals(profile) && cleanEmail.equals(email) && newIdentityDocument == null) {
            return List.of();
        }
        boolean visibleToOthers = !cleanEmail.equals(email)
                || clean.preferredLanguage() != profile.preferredLanguage()
                || !clean.givenName().equals(profile.givenName()) || !clean.familyName().equals(profile.familyName())
                || !java.util.Objects.equals(clean.timeZone(), profile.timeZone());
        this.profile = clean;
        this.email = cleanEmail;
        if (newIdentityDocument != null) {
            this.identityDocument = newIdentityDocument;
        }
        this.updatedAt = now;
        return visibleToOthers ? List.of(new DelegateUpdated(id, conferenceId, delegationId, clean.givenName(),
                clean.familyName(), cleanEmail, clean.preferredLanguage(), clean.timeZone(), now)) : List.of();
    }

    /** Records an accreditation document on file (metadata only); not an event for other services. */
    public List<RegistrationEvent> addDocument(DocumentOnFile document) {
        requireActive("add a document to");
        documents.add(document);
        return List.of();
    }

    /** PENDING → ACCREDITED; a repeat is harmless. */
    public List<RegistrationEvent> accredit(Instant now) {
        if (status == DelegateStatus.ACCREDITED) {
            return List.of();
        }
        if (status != DelegateStatus.PENDING) {
            throw new IllegalStateTransitionException("delegate", status, "accredit");
        }
        status = DelegateStatus.ACCREDITED;
        decidedAt = now;
        updatedAt = now;
        return List.of(new DelegateAccredited(id, conferenceId, delegationId, category, vipRank.vip(), now));
    }

    /** PENDING → REJECTED with a reason; a repeat is harmless. */
    public List<RegistrationEvent> reject(String reason, Instant now) {
        if (status == DelegateStatus.REJECTED) {
            return List.of();
        }
        if (status != DelegateStatus.PENDING) {
            throw new IllegalStateTransitionException("delegate", status, "reject");
        }
        status = DelegateStatus.REJECTED;
        rejectionReason = reason.strip();
        decidedAt = now;
        updatedAt = now;
        return List.of(new AccreditationRejected(id, conferenceId, delegationId, rejectionReason, now));
    }

    /** Issues a badge to an accredited delegate; a delegate with a valid badge keeps it (no event). */
    public List<RegistrationEvent> issueBadge(String badgeId, Instant now) {
        if (status != DelegateStatus.ACCREDITED) {
            throw new IllegalStateTransitionException("delegate", status, "issue a badge to");
        }
        if (badge != null && badge.valid()) {
            return List.of();
        }
        badge = new Badge(badgeId, now, null, null);
        updatedAt = now;
        return List.of(new BadgeIssued(id, conferenceId, delegationId, badgeId, category, now));
    }

    /** Revokes the valid badge; nothing when there is none. */
    public List<RegistrationEvent> revokeBadge(String reason, Instant now) {
        if (badge == null || !badge.valid()) {
            return List.of();
        }
        String badgeId = badge.badgeId();
        badge = new Badge(badgeId, badge.issuedAt(), now, reason);
        updatedAt = now;
        return List.of(new BadgeRevoked(id, conferenceId, badgeId, reason, now));
    }

    /** Withdraws the registration (revoking a badge first); {@code substitute} names who takes the place. */
    public List<RegistrationEvent> withdraw(String reason, @Nullable String substitute, Instant now) {
        if (status == DelegateStatus.WITHDRAWN) {
            return List.of();
        }
        if (status == DelegateStatus.ERASED) {
            throw new IllegalStateTransitionException("delegate", status, "withdraw");
        }
        List<RegistrationEvent> events = new ArrayList<>(revokeBadge("registration withdrawn", now));
        status = DelegateStatus.WITHDRAWN;
        substituteDelegateId = substitute;
        updatedAt = now;
        events.add(new RegistrationWithdrawn(id, conferenceId, delegationId, reason.strip(), substitute, now));
        return events;
    }

    /**
     * Removes every piece of personal data for good: names, contacts, preferences, the encrypted identity document
     * and documents on file. Ids, role, category and status history stay so counts and seats remain right.
     */
    public List<RegistrationEvent> erase(Instant now) {
        if (status == DelegateStatus.ERASED) {
            return List.of();
        }
        List<RegistrationEvent> events = new ArrayList<>(revokeBadge("personal data erased", now));
        // the unique index on (conference, e-mail) needs a value; this one is unique and says nothing about anyone
        profile = new Profile(null, "erased", "erased", null, null, null, UnLanguage.ENGLISH, null, null);
        email = id + "@erased.invalid";
        identityDocument = null;
        documents.clear();
        rejectionReason = null;
        status = DelegateStatus.ERASED;
        updatedAt = now;
        events.add(new DelegateErased(id, conferenceId, delegationId, now));
        return events;
    }

    /** Whether this delegate holds a seat of their delegation: from registration until withdrawn or erased. */
    public boolean holdsASeat() {
        return status != DelegateStatus.WITHDRAWN && status != DelegateStatus.ERASED;
    }

    private void requireActive(String action) {
        if (!holdsASeat()) {
            throw new IllegalStateTransitionException("delegate", status, action);
        }
    }

    private static Profile normalised(Profile p) {
        return new Profile(blankToNull(p.title()), p.givenName().strip(), p.familyName().strip(),
                blankToNull(p.nativeGivenName()), blankToNull(p.nativeFamilyName()), blankToNull(p.phone()),
                p.preferredLanguage(),
                blankToNull(p.timeZone()), blankToNull(p.accessibilityNeeds()));
    }

    private static String normalisedEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String id() {
        return id;
    }

    public String conferenceId() {
        return conferenceId;
    }

    public String delegationId() {
        return delegationId;
    }

    public DelegationRole role() {
        return role;
    }

    public AccreditationCategory category() {
        return category;
    }

    public VipRank vipRank() {
        return vipRank;
    }

    public Profile profile() {
        return profile;
    }

    public String email() {
        return email;
    }

    public @Nullable SealedValue identityDocument() {
        return identityDocument;
    }

    public DelegateStatus status() {
        return status;
    }

    public @Nullable String rejectionReason() {
        return rejectionReason;
    }

    public List<DocumentOnFile> documents() {
        return List.copyOf(documents);
    }

    public Optional<Badge> badge() {
        return Optional.ofNullable(badge);
    }

    public @Nullable String substituteDelegateId() {
        return substituteDelegateId;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public @Nullable Instant decidedAt() {
        return decidedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
