package org.conferenceops.pledge.pledging;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.RuleViolationException;
import org.conferenceops.platform.security.CurrentUser;
import org.conferenceops.platform.security.Role;
import org.conferenceops.pledge.delegations.Delegations;
import org.conferenceops.pledge.delegations.Delegations.Delegation;
import org.springframework.stereotype.Component;

/**
 * Which member state a focal point acts for: the state of the delegation in the focal point's token, as
 * registration-service registered it ({@link Delegations}). The token's delegation id is never parsed: a delegation
 * pledge-service has not learnt of yet stands for no state.
 */
@Component
public class MemberStates {

    private static final Set<String> ISO3 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

    private final Delegations delegations;

    MemberStates(Delegations delegations) {
        this.delegations = delegations;
    }

    /** Whether a code is an ISO 3166-1 alpha-3 country code. */
    public static boolean isKnown(String code) {
        return ISO3.contains(code);
    }

    /** The member state a focal point acts for, if the caller is one of a registered member-state delegation. */
    public Optional<String> of(CurrentUser caller) {
        return delegationOf(caller).filter(Delegation::isMemberState).map(Delegation::code);
    }

    /**
     * The state a focal point pledges for at this conference, or a 422 naming the rule: the delegation must be
     * registered ({@code known-delegation}), stand for a member state ({@code member-state-delegation}) and belong
     * to this conference ({@code own-conference-only}).
     */
    String pledgingStateOf(CurrentUser caller, String conferenceId) {
        String delegationId = caller.delegationId();
        Delegation delegation = delegationOf(caller).orElseThrow(() -> new RuleViolationException(
                "known-delegation", new FieldViolation("delegationId", "unknown-delegation", "delegation "
                        + delegationId + " is not registered (no registration.DelegationRegistered received)")));
        if (!delegation.isMemberState()) {
            throw new RuleViolationException("member-state-delegation", new FieldViolation("delegationId",
                    "not-a-member-state", "delegation " + delegation.delegationId() + " is a "
                            + delegation.kind() + "; only member states pledge"));
        }
        if (!delegation.conferenceId().equals(conferenceId)) {
            throw new RuleViolationException("own-conference-only", new FieldViolation("conferenceId",
                    "another-conference", "the focal point's delegation belongs to " + delegation.conferenceId()));
        }
        return delegation.code();
    }

    /** The state a delegation stands for, when it is a registered member-state delegation. */
    Optional<String> stateOfDelegation(String delegationId) {
        return delegations.find(delegationId).filter(Delegation::isMemberState).map(Delegation::code);
    }

    private Optional<Delegation> delegationOf(CurrentUser caller) {
        String delegationId = caller.delegationId();
        if (!caller.has(Role.FOCAL_POINT) || delegationId == null) {
            return Optional.empty();
        }
        return delegations.find(delegationId);
    }
}
