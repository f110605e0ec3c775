package org.conferenceops.registration.delegations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.conferenceops.events.registration.DelegationKind;
import org.jspecify.annotations.Nullable;

/**
 * What an organiser sends to register a delegation.
 *
 * @param kind       member state, observer state or organisation
 * @param code       ISO 3166-1 alpha-3 code for states, an acronym for organisations (e.g. {@code AU})
 * @param name       required for organisations; states get their UN name
 * @param focalPoint the person who registers the delegation's people
 */
public record RegisterDelegationRequest(
        @NotNull DelegationKind kind,
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9]{1,9}", message = "must be upper-case letters and digits, e.g. KOR or AU") String code,
        @Nullable @Size(max = 200) String name,
        @Nullable @Valid FocalPoint focalPoint) {
}
