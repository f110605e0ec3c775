package org.conferenceops.infra.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenRequestTest {

    @Test
    void focalPointWithoutDelegationIsRefused() {
        assertThatThrownBy(() -> TokenRequest.of(Set.of(Role.FOCAL_POINT)))
                .isInstanceOf(InvalidTokenRequestException.class)
                .hasMessageContaining("delegation");
    }

    @Test
    void delegateWithoutDelegateIdIsRefused() {
        assertThatThrownBy(() -> new TokenRequest(Set.of(Role.DELEGATE), "del-1", null, null, null))
                .isInstanceOf(InvalidTokenRequestException.class)
                .hasMessageContaining("delegate");
    }

    @Test
    void requestWithoutRolesIsRefused() {
        assertThatThrownBy(() -> TokenRequest.of(List.of())).isInstanceOf(InvalidTokenRequestException.class);
    }

    @Test
    void nonPositiveLifetimeIsRefused() {
        assertThatThrownBy(() -> TokenRequest.ops().withTtl(Duration.ZERO))
                .isInstanceOf(InvalidTokenRequestException.class);
    }

    @Test
    void subjectIsDerivedFromRolesAndIdsUnlessGiven() {
        assertThat(TokenRequest.organizer().effectiveSubject()).isEqualTo("dev-organizer");
        assertThat(TokenRequest.of(Set.of(Role.OPS, Role.ORGANIZER)).effectiveSubject()).isEqualTo("dev-organizer-ops");
        assertThat(TokenRequest.focalPoint("del-1").effectiveSubject()).isEqualTo("focal-point-del-1");
        assertThat(TokenRequest.delegate("del-1", "dlg-9").effectiveSubject()).isEqualTo("delegate-dlg-9");
        assertThat(TokenRequest.ops().withSubject("sam").effectiveSubject()).isEqualTo("sam");
    }

    @Test
    void rolesParseIgnoringCaseAndDashes() {
        assertThat(Role.parse(" focal-point ")).isEqualTo(Role.FOCAL_POINT);
        assertThat(Role.parse("ops")).isEqualTo(Role.OPS);
        assertThatThrownBy(() -> Role.parse("admin"))
                .isInstanceOf(InvalidTokenRequestException.class)
                .hasMessageContaining("ORGANIZER, FOCAL_POINT, DELEGATE, OPS");
    }
}
