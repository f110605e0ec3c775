package org.conferenceops.pledge.programme;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.conferenceops.events.session.SessionCancelled;
import org.conferenceops.events.session.SessionScheduled;
import org.conferenceops.events.session.SpeakerInscribed;
import org.conferenceops.events.session.SpeakerWithdrawn;
import org.conferenceops.platform.messaging.EventContext;
import org.conferenceops.platform.messaging.EventHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * The programme as session-service published it on {@code conference-ops.session}: sessions (scheduled, cancelled)
 * and their speakers lists (inscriptions, withdrawals). Each event is applied once per session document.
 */
@Service
public class Programme {

    private static final int ATTEMPTS = 5;

    private final KnownSessionRepository sessions;

    Programme(KnownSessionRepository sessions) {
        this.sessions = sessions;
    }

    /**
     * A session as pledge-service knows it.
     *
     * @param sessionId    session-service's id
     * @param conferenceId the conference it belongs to
     * @param title        its title; null until its scheduling arrived
     * @param scheduled    whether its scheduling arrived
     * @param cancelled    whether it was cancelled
     * @param speakers     its speakers list in inscription order, withdrawn inscriptions included (marked)
     */
    public record Session(String sessionId, String conferenceId, @Nullable String title, boolean scheduled,
            boolean cancelled, List<Speaker> speakers) {

        /** The inscription with this id, withdrawn or not. */
        public Optional<Speaker> inscription(String inscriptionId) {
            return speakers.stream().filter(s -> s.inscriptionId().equals(inscriptionId)).findFirst();
        }
    }

    /**
     * An inscription on a speakers list.
     *
     * @param inscriptionId      unique within the session
     * @param delegationId       the delegation the speaker speaks for
     * @param name               the speaker's name as announced
     * @param title              the speaker's function
     * @param pledgeAnnouncement whether it is a pledge-announcement slot of the pledging segment
     * @param withdrawn          whether it was withdrawn
     */
    public record Speaker(String inscriptionId, String delegationId, String name, String title,
            boolean pledgeAnnouncement, boolean withdrawn) {
    }

    /** The session with this id, if session-service announced it (or anything on its speakers list). */
    public Optional<Session> find(String sessionId) {
        return sessions.findById(sessionId).map(KnownSession::view);
    }

    void apply(String sessionId, String conferenceId, EventContext context, Consumer<KnownSession> change) {
        for (int attempt = 1; ; attempt++) {
            KnownSession session = sessions.findById(sessionId)
                    .orElseGet(() -> KnownSession.unknown(sessionId, conferenceId));
            if (session.alreadyApplied(context)) {
                return;
            }
            change.accept(session);
            try {
                sessions.save(session);
                return;
            }
            catch (OptimisticLockingFailureException | DuplicateKeyException concurrent) {
                // another copy of an event of this session was applied meanwhile: read again
                if (attempt >= ATTEMPTS) {
                    throw concurrent;
                }
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        EventHandler<SessionScheduled> programmeOnSessionScheduled(Programme programme) {
            return EventHandler.of(SessionScheduled.class, (event, context) -> programme.apply(event.sessionId(),
                    event.conferenceId(), context, s -> s.scheduled(event.conferenceId(), event.title(), context)));
        }

        @Bean
        EventHandler<SessionCancelled> programmeOnSessionCancelled(Programme programme) {
            return EventHandler.of(SessionCancelled.class, (event, context) -> programme.apply(event.sessionId(),
                    event.conferenceId(), context, s -> s.cancelled(context)));
        }

        @Bean
        EventHandler<SpeakerInscribed> programmeOnSpeakerInscribed(Programme programme) {
            return EventHandler.of(SpeakerInscribed.class, (event, context) -> programme.apply(event.sessionId(),
                    event.conferenceId(), context, s -> s.inscribed(new KnownSession.Inscription(
                            event.inscriptionId(), event.delegationId(), event.speakerName(), event.speakerTitle(),
                            event.pledgeAnnouncement(), false), context)));
        }

        @Bean
        EventHandler<SpeakerWithdrawn> programmeOnSpeakerWithdrawn(Programme programme) {
            return EventHandler.of(SpeakerWithdrawn.class, (event, context) -> programme.apply(event.sessionId(),
                    event.conferenceId(), context, s -> s.withdrawn(event.inscriptionId(), context)));
        }
    }
}
