package org.conferenceops.pledge.pledging;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.conferenceops.platform.security.CurrentUser;
import org.conferenceops.platform.security.Role;

/**
 * Which member state a focal point pledges for. For this iteration it comes from the token: a delegation id of the
 * form {@code <conference>-<ISO3>} (e.g. {@code seoul-2021-KOR}) names the conference and the state. Learning it
 * from registration events ({@code DelegationRegistered}) instead is a follow-up of issue #5.
 */
public final class MemberStates {

    private static final Set<String> ISO3 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

    private MemberStates() {
    }

    /** Whether a code is an ISO 3166-1 alpha-3 country code. */
    public static boolean isKnown(String code) {
        return ISO3.contains(code);
    }

    /** The member state a focal point acts for, if the caller is one and the delegation id names a state. */
    public static Optional<String> of(CurrentUser caller) {
        return caller.has(Role.FOCAL_POINT) ? delegation(caller).map(d -> d.memberState) : Optional.empty();
    }

    /** The conference a focal point's delegation belongs to. */
    public static Optional<String> conferenceOf(CurrentUser caller) {
        return caller.has(Role.FOCAL_POINT) ? delegation(caller).map(d -> d.conferenceId) : Optional.empty();
    }

    private static Optional<Delegation> delegation(CurrentUser caller) {
        String delegationId = caller.delegationId();
        if (delegationId == null) {
            return Optional.empty();
        }
        int dash = delegationId.lastIndexOf('-');
        if (dash <= 0) {
            return Optional.empty();
        }
        String state = delegationId.substring(dash + 1);
        return isKnown(state) ? Optional.of(new Delegation(delegationId.substring(0, dash), state)) : Optional.empty();
    }

    private record Delegation(String conferenceId, String memberState) {
    }
}
