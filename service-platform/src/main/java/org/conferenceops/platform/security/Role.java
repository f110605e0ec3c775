package org.conferenceops.platform.security;

import java.util.Optional;

/**
 * The roles a token can grant, from its {@code roles} claim; each becomes the authority {@code ROLE_<name>}, so
 * {@code @PreAuthorize("hasRole('ORGANIZER')")} works.
 */
public enum Role {

    /** Runs the conference: sees and acts on everything. */
    ORGANIZER,
    /** Registers and approves the people of one delegation (claim {@code delegation_id}). */
    FOCAL_POINT,
    /** One registered person (claim {@code delegate_id}). */
    DELEGATE,
    /** Operates the services: health details and operational endpoints, no business data. */
    OPS;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role named in a token, if it is one of ours; other names are ignored. */
    public static Optional<Role> fromClaim(String name) {
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The role behind an authority such as {@code ROLE_DELEGATE}, if it is one of ours. */
    public static Optional<Role> fromAuthority(String authority) {
        return authority.startsWith("ROLE_") ? fromClaim(authority.substring(5)) : Optional.empty();
    }
}
