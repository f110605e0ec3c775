package org.conferenceops.pledge.pledging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.RuleViolationException;
import org.conferenceops.pledge.programme.Programme;
import org.conferenceops.pledge.programme.Programme.Session;
import org.conferenceops.pledge.programme.Programme.Speaker;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks that an announcement names a real pledge-announcement slot, as session-service published it: the session
 * exists in the pledge's conference and is not cancelled, and the inscription (named by id, or by the speaker's
 * name) is on its speakers list, not withdrawn, a pledge-announcement slot, for a state taking part in the pledge.
 * Otherwise a 422 ({@code announcement-link}) with a field error per broken condition.
 */
@Component
class AnnouncementLink {

    private static final String RULE = "announcement-link";

    private final Programme programme;
    private final MemberStates memberStates;

    AnnouncementLink(Programme programme, MemberStates memberStates) {
        this.programme = programme;
        this.memberStates = memberStates;
    }

    /** The inscription the announcement is linked to. */
    Speaker resolve(Pledge pledge, String sessionId, @Nullable String inscriptionId, @Nullable String speakerName) {
        Session session = programme.find(sessionId).orElseThrow(() -> refused(new FieldViolation("sessionId",
                "unknown-session", "session " + sessionId + " is not in the programme (no session event received)")));
        if (!session.conferenceId().equals(pledge.conferenceId())) {
            throw refused(new FieldViolation("sessionId", "another-conference",
                    "the session belongs to " + session.conferenceId() + ", the pledge to " + pledge.conferenceId()));
        }
        if (session.cancelled()) {
            throw refused(new FieldViolation("sessionId", "session-cancelled", "the session was cancelled"));
        }
        if (inscriptionId == null && speakerName == null) {
            throw refused(new FieldViolation("inscriptionId", "required",
                    "name the speakers-list inscription (or the speaker) announcing the pledge"));
        }
        String field = inscriptionId != null ? "inscriptionId" : "speaker";
        Optional<Speaker> named = inscriptionId != null ? session.inscription(inscriptionId)
                : bySpeakerName(session, pledge, speakerName);
        Speaker speaker = named.orElseThrow(() -> refused(new FieldViolation(field, "not-inscribed",
                "no such speaker on the speakers list of session " + sessionId)));
        List<FieldViolation> violations = new ArrayList<>();
        if (speaker.withdrawn()) {
            violations.add(new FieldViolation(field, "inscription-withdrawn", "the inscription was withdrawn"));
        }
        if (!speaker.pledgeAnnouncement()) {
            violations.add(new FieldViolation(field, "no-pledge-announcement-slot",
                    "the inscription is not a pledge-announcement slot"));
        }
        if (!speaksForThePledge(speaker, pledge)) {
            violations.add(new FieldViolation(field, "another-state", "the speaker speaks for delegation "
                    + speaker.delegationId() + ", not for a state taking part in this pledge"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(RULE, "The announcement must be a pledge-announcement slot of a state "
                    + "taking part in the pledge", violations);
        }
        return speaker;
    }

    private Optional<Speaker> bySpeakerName(Session session, Pledge pledge, @Nullable String name) {
        String wanted = normalised(name);
        List<Speaker> matching = session.speakers().stream().filter(s -> normalised(s.name()).equals(wanted))
                .toList();
        // prefer a live pledge slot of a state of this pledge when one name appears several times
        return matching.stream().filter(s -> !s.withdrawn() && s.pledgeAnnouncement() && speaksForThePledge(s, pledge))
                .findFirst().or(() -> matching.stream().findFirst());
    }

    private boolean speaksForThePledge(Speaker speaker, Pledge pledge) {
        return memberStates.stateOfDelegation(speaker.delegationId()).map(pledge::involves).orElse(false);
    }

    private static String normalised(@Nullable String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    private static RuleViolationException refused(FieldViolation violation) {
        return new RuleViolationException(RULE, "The announcement must be a pledge-announcement slot of a state "
                + "taking part in the pledge", List.of(violation));
    }
}
