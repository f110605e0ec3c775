package org.conferenceops.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class CurrentUserTest {

    private static final CurrentUser ORGANIZER = new CurrentUser("o-1", Set.of(Role.ORGANIZER), null, null);
    private static final CurrentUser FOCAL_POINT_OF_GHANA = new CurrentUser("f-1", Set.of(Role.FOCAL_POINT), "ghana",
            null);
    private static final CurrentUser DELEGATE_D7 = new CurrentUser("u-7", Set.of(Role.DELEGATE), "ghana", "d-7");
    private static final CurrentUser OPS = new CurrentUser("ops-1", Set.of(Role.OPS), null, null);

    @Test
    void letsAnOrganizerActForAnyDelegationAndDelegate() {
        assertThat(ORGANIZER.isOrganizer()).isTrue();
        assertThat(ORGANIZER.mayActForDelegation("korea")).isTrue();
        assertThat(ORGANIZER.mayActForDelegate("d-1", "korea")).isTrue();
    }

    @Test
    void letsAFocalPointActForTheirDelegationAndItsDelegatesOnly() {
        assertThat(FOCAL_POINT_OF_GHANA.mayActForDelegation("ghana")).isTrue();
        assertThat(FOCAL_POINT_OF_GHANA.mayActForDelegation("korea")).isFalse();
        assertThat(FOCAL_POINT_OF_GHANA.mayActForDelegate("d-7", "ghana")).isTrue();
        assertThat(FOCAL_POINT_OF_GHANA.mayActForDelegate("d-8", "korea")).isFalse();
    }

    @Test
    void letsADelegateActForThemselvesButNotForTheirDelegationOrOthers() {
        assertThat(DELEGATE_D7.mayActForDelegate("d-7", "ghana")).isTrue();
        assertThat(DELEGATE_D7.mayActForDelegate("d-8", "ghana")).isFalse();
        assertThat(DELEGATE_D7.mayActForDelegation("ghana")).isFalse();
    }

    @Test
    void givesOpsNoBusinessAccess() {
        assertThat(OPS.has(Role.OPS)).isTrue();
        assertThat(OPS.mayActForDelegation("ghana")).isFalse();
        assertThat(OPS.mayActForDelegate("d-7", "ghana")).isFalse();
    }

    @Test
    void neverMatchesAMissingIdAgainstARole() {
        CurrentUser focalPointWithoutDelegation = new CurrentUser("f-2", Set.of(Role.FOCAL_POINT), null, null);

        assertThat(focalPointWithoutDelegation.mayActForDelegation("ghana")).isFalse();
    }

    @Test
    void buildsTheUserFromAJwtAuthenticationWithRolesFromItsAuthorities() {
        Jwt jwt = jwt(Map.of("sub", "f-1", "roles", List.of("FOCAL_POINT"), "delegation_id", "ghana"));
        JwtAuthenticationToken authentication = new JwtAuthenticationToken(jwt,
                new RolesClaimConverter().convert(jwt));

        CurrentUser user = CurrentUser.from(authentication);

        assertThat(user).isEqualTo(new CurrentUser("f-1", Set.of(Role.FOCAL_POINT), "ghana", null));
    }

    @Test
    void refusesToBuildAUserWithoutAuthentication() {
        assertThatThrownBy(() -> CurrentUser.from(null))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> CurrentUser.from(new AnonymousAuthenticationToken("key", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void mapsTheRolesClaimToAuthoritiesIgnoringUnknownNamesAndRolesWithoutTheirId() {
        assertThat(RolesClaimConverter.roles(jwt(Map.of("sub", "x", "roles", List.of("ORGANIZER", "ROOT")))))
                .containsExactly(Role.ORGANIZER);
        assertThat(RolesClaimConverter.roles(jwt(Map.of("sub", "x", "roles", "OPS ORGANIZER"))))
                .containsExactlyInAnyOrder(Role.OPS, Role.ORGANIZER);
        assertThat(RolesClaimConverter.roles(jwt(Map.of("sub", "x", "roles", List.of("DELEGATE", "FOCAL_POINT")))))
                .isEmpty();
        assertThat(new RolesClaimConverter().convert(jwt(Map.of("sub", "x", "roles", List.of("DELEGATE"),
                "delegate_id", "d-7")))).extracting(Object::toString).containsExactly("ROLE_DELEGATE");
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return new Jwt("token", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
    }
}
