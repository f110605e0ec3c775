package org.conferenceops.platform.security;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The authenticated caller, as services check ownership (rule 8). Declare it as a controller method parameter to
 * receive it. Roles are already consistent with the ids: a focal-point token without {@code delegation_id}, or a
 * delegate token without {@code delegate_id}, does not carry that role.
 *
 * @param subject      the token's {@code sub}: a stable, opaque user id
 * @param roles        the recognised roles
 * @param delegationId the delegation a focal point acts for (claim {@code delegation_id})
 * @param delegateId   the delegate record of the caller (claim {@code delegate_id})
 */
public record CurrentUser(String subject, Set<Role> roles, @Nullable String delegationId,
        @Nullable String delegateId) {

    /** Claim listing the caller's role names. */
    public static final String ROLES_CLAIM = "roles";
    /** Claim naming the delegation of a focal point. */
    public static final String DELEGATION_ID_CLAIM = "delegation_id";
    /** Claim naming the delegate record of a delegate. */
    public static final String DELEGATE_ID_CLAIM = "delegate_id";

    public CurrentUser {
        Objects.requireNonNull(subject, "subject");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** Whether the caller has a role. */
    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether the caller is an organiser, who may act on everything. */
    public boolean isOrganizer() {
        return has(Role.ORGANIZER);
    }

    /** Whether the caller may act for a delegation: an organiser, or the focal point of that delegation. */
    public boolean mayActForDelegation(String delegationId) {
        return isOrganizer() || has(Role.FOCAL_POINT) && delegationId.equals(this.delegationId);
    }

    /**
     * Whether the caller may act for a delegate: an organiser, that delegate, or the focal point of the delegation
     * the delegate belongs to.
     *
     * @param delegateId   the delegate's id
     * @param delegationId the id of the delegation the delegate belongs to
     */
    public boolean mayActForDelegate(String delegateId, String delegationId) {
        return mayActForDelegation(delegationId) || has(Role.DELEGATE) && delegateId.equals(this.delegateId);
    }

    /**
     * The caller behind an authentication. Roles come from its authorities (already checked against the ids when
     * the token was converted); the ids from the JWT, when there is one.
     *
     * @throws AuthenticationCredentialsNotFoundException when nobody is authenticated
     */
    public static CurrentUser from(@Nullable Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            throw new AuthenticationCredentialsNotFoundException("No authenticated caller");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (authority.getAuthority() != null) {
                Role.fromAuthority(authority.getAuthority()).ifPresent(roles::add);
            }
        }
        String delegationId = null;
        String delegateId = null;
        if (authentication.getPrincipal() instanceof Jwt jwt) {
            delegationId = jwt.getClaimAsString(DELEGATION_ID_CLAIM);
            delegateId = jwt.getClaimAsString(DELEGATE_ID_CLAIM);
        }
        return new CurrentUser(authentication.getName(), roles, delegationId, delegateId);
    }

    /**
     * The caller of the current thread's request.
     *
     * @throws AuthenticationCredentialsNotFoundException when nobody is authenticated
     */
    public static CurrentUser current() {
        return from(SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication());
    }
}
