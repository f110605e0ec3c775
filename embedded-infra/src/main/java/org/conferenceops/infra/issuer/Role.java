package org.conferenceops.infra.issuer;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The roles a Conference Ops token can carry, written to the {@code roles} claim by name.
 */
public enum Role {

    /** Runs the conference: configures it, sees everything. */
    ORGANIZER,

    /** Acts for one delegation; a token with this role carries {@code delegation_id}. */
    FOCAL_POINT,

    /** A member of a delegation; a token with this role carries {@code delegate_id}. */
    DELEGATE,

    /** Operations staff: door scanning, monitoring, replaying dead letters. */
    OPS;

    /**
     * The role named {@code name}, ignoring case and surrounding blanks; {@code focal-point} also works.
     *
     * @throws InvalidTokenRequestException for any other name
     */
    public static Role parse(String name) {
        String normalised = name.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        for (Role role : values()) {
            if (role.name().equals(normalised)) {
                return role;
            }
        }
        throw new InvalidTokenRequestException("unknown role '" + name.strip() + "'; known roles: " + names());
    }

    /** The known role names, comma-separated. */
    public static String names() {
        return Arrays.stream(values()).map(Role::name).collect(Collectors.joining(", "));
    }
}
