package org.conferenceops.pledge.programme;

import java.util.ArrayList;
import java.util.List;
import org.conferenceops.platform.messaging.AppliedEvents;
import org.conferenceops.platform.messaging.EventContext;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A session and its speakers list as pledge-service knows them from session-service's events (keyed by session id,
 * so they arrive in order). The programme and the speakers list are two aggregates in session-service with their own
 * version counters under the same key, so only event ids (never versions) tell a repeat here; every change is
 * idempotent on its own (set a field, add or mark an inscription by its id).
 */
@Document("known_sessions")
class KnownSession {

    @Id
    private final String sessionId;
    @Version
    private @Nullable Long version;
    private String conferenceId;
    private @Nullable String title;
    private boolean scheduled;
    private boolean cancelled;
    private final List<Inscription> inscriptions;
    private AppliedEvents appliedEvents;

    @PersistenceCreator
    KnownSession(String sessionId, @Nullable Long version, String conferenceId, @Nullable String title,
            boolean scheduled, boolean cancelled, @Nullable List<Inscription> inscriptions,
            AppliedEvents appliedEvents) {
        this.sessionId = sessionId;
        this.version = version;
        this.conferenceId = conferenceId;
        this.title = title;
        this.scheduled = scheduled;
        this.cancelled = cancelled;
        this.inscriptions = inscriptions == null ? new ArrayList<>() : new ArrayList<>(inscriptions);
        this.appliedEvents = appliedEvents;
    }

    /**
     * One speaker on the list.
     *
     * @param inscriptionId      unique within the session
     * @param delegationId       the delegation the speaker speaks for
     * @param speakerName        as it is announced (a public office holder)
     * @param speakerTitle       the speaker's function, e.g. Minister of Defence
     * @param pledgeAnnouncement whether it is a pledge-announcement slot
     * @param withdrawn          whether the inscription was withdrawn
     */
    record Inscription(String inscriptionId, String delegationId, String speakerName, String speakerTitle,
            boolean pledgeAnnouncement, boolean withdrawn) {
    }

    static KnownSession unknown(String sessionId, String conferenceId) {
        return new KnownSession(sessionId, null, conferenceId, null, false, false, List.of(), AppliedEvents.none());
    }

    boolean alreadyApplied(EventContext context) {
        return appliedEvents.contains(context);
    }

    void scheduled(String conferenceId, String title, EventContext context) {
        this.conferenceId = conferenceId;
        this.title = title;
        this.scheduled = true;
        applied(context);
    }

    void cancelled(EventContext context) {
        this.cancelled = true;
        applied(context);
    }

    void inscribed(Inscription inscription, EventContext context) {
        if (inscriptions.stream().noneMatch(i -> i.inscriptionId().equals(inscription.inscriptionId()))) {
            inscriptions.add(inscription);
        }
        applied(context);
    }

    void withdrawn(String inscriptionId, EventContext context) {
        inscriptions.replaceAll(i -> i.inscriptionId().equals(inscriptionId)
                ? new Inscription(i.inscriptionId(), i.delegationId(), i.speakerName(), i.speakerTitle(),
                        i.pledgeAnnouncement(), true)
                : i);
        applied(context);
    }

    private void applied(EventContext context) {
        appliedEvents = appliedEvents.with(context);
    }

    Programme.Session view() {
        return new Programme.Session(sessionId, conferenceId, title, scheduled, cancelled, inscriptions.stream()
                .map(i -> new Programme.Speaker(i.inscriptionId(), i.delegationId(), i.speakerName(),
                        i.speakerTitle(), i.pledgeAnnouncement(), i.withdrawn()))
                .toList());
    }
}
