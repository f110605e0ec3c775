package org.conferenceops.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a token's {@code roles} claim into {@code ROLE_<name>} authorities. Unknown names are ignored. A focal point
 * without {@code delegation_id} or a delegate without {@code delegate_id} could not be checked for ownership, so
 * that role is dropped, with a warning that names the issuer and token id but no personal data.
 */
final class RolesClaimConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

    private static final Logger log = LoggerFactory.getLogger(RolesClaimConverter.class);

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Role role : roles(jwt)) {
            authorities.add(new SimpleGrantedAuthority(role.authority()));
        }
        return authorities;
    }

    static Set<Role> roles(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names(jwt.getClaim(CurrentUser.ROLES_CLAIM))) {
            Role.fromClaim(name).ifPresent(roles::add);
        }
        if (roles.contains(Role.FOCAL_POINT) && !hasText(jwt, CurrentUser.DELEGATION_ID_CLAIM)) {
            roles.remove(Role.FOCAL_POINT);
            log.warn("Ignoring role FOCAL_POINT of a token without {} (issuer {}, token id {})",
                    CurrentUser.DELEGATION_ID_CLAIM, jwt.getIssuer(), jwt.getId());
        }
        if (roles.contains(Role.DELEGATE) && !hasText(jwt, CurrentUser.DELEGATE_ID_CLAIM)) {
            roles.remove(Role.DELEGATE);
            log.warn("Ignoring role DELEGATE of a token without {} (issuer {}, token id {})",
                    CurrentUser.DELEGATE_ID_CLAIM, jwt.getIssuer(), jwt.getId());
        }
        return roles;
    }

    private static List<String> names(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        if (claim instanceof String value) {
            return List.of(value.trim().split("[\\s,]+"));
        }
        return List.of();
    }

    private static boolean hasText(Jwt jwt, String claim) {
        String value = jwt.getClaimAsString(claim);
        return value != null && !value.isBlank();
    }
}
