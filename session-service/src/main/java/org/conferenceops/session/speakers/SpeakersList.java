package org.conferenceops.session.speakers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.conferenceops.events.session.RepresentationLevel;
import org.conferenceops.events.session.SessionEvent;
import org.conferenceops.events.session.SpeakerInscribed;
import org.conferenceops.events.session.SpeakerWithdrawn;
import org.conferenceops.platform.outbox.AggregateDocument;
import org.conferenceops.platform.problem.ConflictException;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.RuleViolationException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The speakers list of one session (id = the session's id): its own aggregate, so inscribing never contends with
 * bookings or schedule changes. A delegation has at most {@link #inscriptionsPerDelegation()} inscriptions (1 unless
 * organisers allow more); a withdrawn inscription leaves the list and frees its place.
 */
@Document("speakers_lists")
class SpeakersList extends AggregateDocument {

    static final int DEFAULT_PER_DELEGATION = 1;

    @Id
    private final String sessionId;
    private final String conferenceId;
    private int inscriptionsPerDelegation;
    private final List<Inscription> inscriptions;
    private long inscribed;

    @PersistenceCreator
    SpeakersList(String sessionId, String conferenceId, int inscriptionsPerDelegation, List<Inscription> inscriptions,
            long inscribed) {
        this.sessionId = sessionId;
        this.conferenceId = conferenceId;
        this.inscriptionsPerDelegation = inscriptionsPerDelegation;
        this.inscriptions = new ArrayList<>(inscriptions);
        this.inscribed = inscribed;
    }

    /** An empty list for a session, not yet stored. */
    static SpeakersList open(String sessionId, String conferenceId) {
        return new SpeakersList(sessionId, conferenceId, DEFAULT_PER_DELEGATION, List.of(), 0);
    }

    /** What a focal point asks for. */
    record Request(String delegationId, String name, String title, RepresentationLevel level, boolean video,
            boolean pledgeAnnouncement) {
    }

    /** Inscribes a speaker; a delegation that already has as many inscriptions as allowed is refused (409). */
    List<SessionEvent> inscribe(String inscriptionId, Request request, Instant now) {
        if (request.level() == RepresentationLevel.UNKNOWN) {
            throw new RuleViolationException("representation-level", new FieldViolation("level", "unknown",
                    "say the level of representation"));
        }
        long held = inscriptions.stream().filter(i -> i.delegationId().equals(request.delegationId())).count();
        if (held >= inscriptionsPerDelegation) {
            throw new ConflictException("delegation " + request.delegationId() + " already has " + held
                    + " inscription(s) on the speakers list of session " + sessionId + " (at most "
                    + inscriptionsPerDelegation + ")");
        }
        inscribed++;
        inscriptions.add(new Inscription(inscriptionId, request.delegationId(), request.name(), request.title(),
                request.level(), request.video(), request.pledgeAnnouncement(), now, inscribed));
        return List.of(new SpeakerInscribed(sessionId, conferenceId, inscriptionId, request.delegationId(),
                request.name(), request.title(), request.level(), request.video(), request.pledgeAnnouncement(), now));
    }

    /** Takes an inscription off the list. */
    List<SessionEvent> withdraw(String inscriptionId, Instant now) {
        Inscription inscription = find(inscriptionId).orElseThrow();
        inscriptions.remove(inscription);
        return List.of(new SpeakerWithdrawn(sessionId, conferenceId, inscriptionId, inscription.delegationId(), now));
    }

    /** How many inscriptions one delegation may have (organisers); existing ones are kept if it goes down. */
    void allow(int perDelegation) {
        this.inscriptionsPerDelegation = perDelegation;
    }

    Optional<Inscription> find(String inscriptionId) {
        return inscriptions.stream().filter(i -> i.id().equals(inscriptionId)).findFirst();
    }

    /** The speakers in speaking order. */
    List<Inscription> ordered() {
        return inscriptions.stream().sorted(Inscription.ORDER).toList();
    }

    String sessionId() {
        return sessionId;
    }

    String conferenceId() {
        return conferenceId;
    }

    int inscriptionsPerDelegation() {
        return inscriptionsPerDelegation;
    }
}
