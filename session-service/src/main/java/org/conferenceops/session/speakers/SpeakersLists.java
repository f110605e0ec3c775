package org.conferenceops.session.speakers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.conferenceops.events.session.SessionEvent;
import org.conferenceops.platform.contention.Contended;
import org.conferenceops.platform.ids.RandomIds;
import org.conferenceops.platform.outbox.EventOutbox;
import org.conferenceops.platform.problem.FieldViolation;
import org.conferenceops.platform.problem.IllegalStateTransitionException;
import org.conferenceops.platform.problem.NotFoundException;
import org.conferenceops.platform.problem.RuleViolationException;
import org.conferenceops.platform.security.CurrentUser;
import org.conferenceops.platform.security.Role;
import org.conferenceops.session.programme.Programme;
import org.conferenceops.session.programme.Session;
import org.conferenceops.session.programme.SessionStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Inscribing and withdrawing speakers (a delegation's focal point or an organiser) and reading the list (everyone
 * signed in: the list is public within the conference). Each change is one conditional write of the session's list
 * with its event; a write that lost a race with another delegation's is retried on the fresh list.
 */
@Service
class SpeakersLists {


    private final SpeakersListRepository lists;
    private final Programme programme;
    private final EventOutbox outbox;
    private final Clock clock;

    SpeakersLists(SpeakersListRepository lists, Programme programme, EventOutbox outbox, Clock clock) {
        this.lists = lists;
        this.programme = programme;
        this.outbox = outbox;
        this.clock = clock;
    }

    Inscription inscribe(CurrentUser caller, String sessionId, SpeakerRequests.Inscribe request) {
        if (!caller.isOrganizer() && !caller.has(Role.FOCAL_POINT)) {
            throw new AccessDeniedException("only focal points and organisers inscribe speakers");
        }
        String delegationId = request.delegationId() != null ? request.delegationId() : caller.delegationId();
        if (delegationId == null) {
            throw new RuleViolationException("delegation-required", new FieldViolation("delegationId", "required",
                    "say which delegation the speaker speaks for"));
        }
        if (!caller.mayActForDelegation(delegationId)) {
            throw new NotFoundException("delegation", delegationId);
        }
        Session session = programme.session(sessionId);
        Instant now = clock.instant();
        requireOpen(session, now);
        String inscriptionId = "spk-" + RandomIds.next();
        SpeakersList.Request inscription = new SpeakersList.Request(delegationId, request.name().strip(),
                request.title().strip(), request.level(), Boolean.TRUE.equals(request.video()),
                Boolean.TRUE.equals(request.pledgeAnnouncement()));
        SpeakersList saved = change(session, list -> list.inscribe(inscriptionId, inscription, now));
        return saved.find(inscriptionId).orElseThrow();
    }

    SpeakersList withdraw(CurrentUser caller, String sessionId, String inscriptionId) {
        SpeakersList list = lists.findById(sessionId).orElseThrow(() -> new NotFoundException("inscription",
                inscriptionId));
        list.find(inscriptionId).filter(i -> caller.mayActForDelegation(i.delegationId()))
                .orElseThrow(() -> new NotFoundException("inscription", inscriptionId));
        Instant now = clock.instant();
        return change(programme.session(sessionId), fresh -> fresh.find(inscriptionId).isPresent()
                ? fresh.withdraw(inscriptionId, now) : List.of());
    }

    SpeakersList allow(CurrentUser caller, String sessionId, int perDelegation) {
        if (!caller.isOrganizer()) {
            throw new AccessDeniedException("only organisers change how many speakers a delegation may inscribe");
        }
        return change(programme.session(sessionId), list -> {
            list.allow(perDelegation);
            return List.of();
        });
    }

    /** The list of a session in speaking order; an empty one when nobody has inscribed yet. */
    SpeakersList of(String sessionId) {
        Session session = programme.session(sessionId);
        return lists.findById(sessionId).orElseGet(() -> SpeakersList.open(sessionId, session.conferenceId()));
    }

    /**
     * Reads the list, applies the command and writes it conditionally; a write that lost the race to another
     * delegation's change (or to the list's creation) is run again on the list it left, after a short jittered
     * back-off, and a list still contended after that answers 503 with Retry-After, never 409: the client did nothing
     * wrong.
     */
    private SpeakersList change(Session session, Function<SpeakersList, List<SessionEvent>> command) {
        return Contended.retry("the speakers list of session " + session.id(), () -> {
            SpeakersList list = lists.findById(session.id())
                    .orElseGet(() -> SpeakersList.open(session.id(), session.conferenceId()));
            List<SessionEvent> events = command.apply(list);
            try {
                return outbox.save(list, events);
            }
            catch (DuplicateKeyException createdConcurrently) {
                throw new OptimisticLockingFailureException("the speakers list was created concurrently",
                        createdConcurrently);
            }
        });
    }

    private static void requireOpen(Session session, Instant now) {
        if (session.status() != SessionStatus.SCHEDULED) {
            throw new IllegalStateTransitionException("session", session.status(), "inscribe a speaker on");
        }
        if (!now.isBefore(session.endsAt())) {
            throw new RuleViolationException("session-ended", new FieldViolation("sessionId", "ended",
                    "session " + session.id() + " ended at " + session.endsAt()));
        }
    }
}
