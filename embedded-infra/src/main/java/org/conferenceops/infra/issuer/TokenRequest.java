package org.conferenceops.infra.issuer;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What a development token should say about its bearer.
 *
 * @param roles the roles, at least one
 * @param delegationId the delegation the bearer acts for; required with {@link Role#FOCAL_POINT}, optional otherwise
 * @param delegateId the delegate the bearer is; required with {@link Role#DELEGATE}, optional otherwise
 * @param subject the {@code sub} claim; null derives one from the roles and ids (see {@link #effectiveSubject()})
 * @param ttl how long the token is valid; null means the issuer's default (8 hours)
 * @throws InvalidTokenRequestException if a rule above is broken or an id or subject is blank
 */
public record TokenRequest(
        Set<Role> roles,
        @Nullable String delegationId,
        @Nullable String delegateId,
        @Nullable String subject,
        @Nullable Duration ttl) {

    /** Validates the request and keeps the roles in declaration order. */
    public TokenRequest {
        if (roles.isEmpty()) {
            throw new InvalidTokenRequestException("at least one role is required; known roles: " + Role.names());
        }
        roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
        requireNotBlank(delegationId, "delegation");
        requireNotBlank(delegateId, "delegate");
        requireNotBlank(subject, "subject");
        if (roles.contains(Role.FOCAL_POINT) && delegationId == null) {
            throw new InvalidTokenRequestException("role FOCAL_POINT needs a delegation id (delegation=...)");
        }
        if (roles.contains(Role.DELEGATE) && delegateId == null) {
            throw new InvalidTokenRequestException("role DELEGATE needs a delegate id (delegate=...)");
        }
        if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
            throw new InvalidTokenRequestException("ttl must be positive: " + ttl.toSeconds() + " s");
        }
    }

    /** A request for these roles and nothing else. */
    public static TokenRequest of(Collection<Role> roles) {
        return new TokenRequest(roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles), null, null, null, null);
    }

    /** An organizer's token. */
    public static TokenRequest organizer() {
        return of(Set.of(Role.ORGANIZER));
    }

    /** An operations staff member's token. */
    public static TokenRequest ops() {
        return of(Set.of(Role.OPS));
    }

    /** A focal point's token for {@code delegationId}. */
    public static TokenRequest focalPoint(String delegationId) {
        return new TokenRequest(Set.of(Role.FOCAL_POINT), delegationId, null, null, null);
    }

    /** A delegate's token for {@code delegateId}, a member of {@code delegationId}. */
    public static TokenRequest delegate(String delegationId, String delegateId) {
        return new TokenRequest(Set.of(Role.DELEGATE), delegationId, delegateId, null, null);
    }

    /** This request with {@code subject} as the {@code sub} claim. */
    public TokenRequest withSubject(String subject) {
        return new TokenRequest(roles, delegationId, delegateId, subject, ttl);
    }

    /** This request with a lifetime of {@code ttl}. */
    public TokenRequest withTtl(Duration ttl) {
        return new TokenRequest(roles, delegationId, delegateId, subject, ttl);
    }

    /**
     * The subject to put in the token: the given one, else {@code delegate-<delegateId>} for a delegate,
     * {@code focal-point-<delegationId>} for a focal point, else {@code dev-<roles>} such as {@code dev-organizer}.
     */
    public String effectiveSubject() {
        if (subject != null) {
            return subject;
        }
        if (roles.contains(Role.DELEGATE) && delegateId != null) {
            return "delegate-" + delegateId;
        }
        if (roles.contains(Role.FOCAL_POINT) && delegationId != null) {
            return "focal-point-" + delegationId;
        }
        return "dev-" + roles.stream()
                .map(role -> role.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining("-"));
    }

    private static void requireNotBlank(@Nullable String value, String name) {
        if (value != null && value.isBlank()) {
            throw new InvalidTokenRequestException(name + " must not be blank");
        }
    }
}
