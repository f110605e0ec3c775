package org.conferenceops.session.live;

import org.conferenceops.events.session.SeatConfirmed;
import org.conferenceops.events.session.SeatReleased;
import org.conferenceops.events.session.SeatWaitlisted;
import org.conferenceops.events.session.SessionCancelled;
import org.conferenceops.events.session.SessionCapacityChanged;
import org.conferenceops.events.session.SessionModeChanged;
import org.conferenceops.events.session.SessionMoved;
import org.conferenceops.events.session.SessionRescheduled;
import org.conferenceops.events.session.SessionScheduled;
import org.conferenceops.events.session.WaitlistPromoted;
import org.conferenceops.platform.live.LiveEventListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The session events that move open screens, received on every replica from session-service's own topic
 * ({@code conference-ops.live.topics}). Speakers-list events do not change agendas and are not listened to.
 */
@Configuration(proxyBeanMethods = false)
class LiveFeeds {

    @Bean
    LiveEventListener<SessionScheduled> liveScheduled(ChangeFanOut fanOut) {
        return LiveEventListener.of(SessionScheduled.class,
                (e, context) -> fanOut.programme(e.conferenceId(), e.sessionId(), "scheduled", context));
    }

    @Bean
    LiveEventListener<SessionRescheduled> liveRescheduled(ChangeFanOut fanOut) {
        return LiveEventListener.of(SessionRescheduled.class,
                (e, context) -> fanOut.programme(e.conferenceId(), e.sessionId(), "rescheduled", context));
    }

    @Bean
    LiveEventListener<SessionMoved> liveMoved(ChangeFanOut fanOut) {
        return LiveEventListener.of(SessionMoved.class,
                (e, context) -> fanOut.programme(e.conferenceId(), e.sessionId(), "moved", context));
    }

    @Bean
    LiveEventListener<SessionModeChanged> liveModeChanged(ChangeFanOut fanOut) {
        return LiveEventListener.of(SessionModeChanged.class,
                (e, context) -> fanOut.programme(e.conferenceId(), e.sessionId(), "mode", context));
    }

    @Bean
    LiveEventListener<SessionCapacityChanged> liveCapacityChanged(ChangeFanOut fanOut) {
        return LiveEventListener.of(SessionCapacityChanged.class,
                (e, context) -> fanOut.programme(e.conferenceId(), e.sessionId(), "capacity", context));
    }

    @Bean
    LiveEventListener<SessionCancelled> liveCancelled(ChangeFanOut fanOut) {
        return LiveEventListener.of(SessionCancelled.class,
                (e, context) -> fanOut.programme(e.conferenceId(), e.sessionId(), "cancelled", context));
    }

    @Bean
    LiveEventListener<SeatConfirmed> liveSeatConfirmed(ChangeFanOut fanOut) {
        return LiveEventListener.of(SeatConfirmed.class,
                (e, context) -> fanOut.booking(e.delegateId(), e.sessionId(), "confirmed", context));
    }

    @Bean
    LiveEventListener<SeatWaitlisted> liveSeatWaitlisted(ChangeFanOut fanOut) {
        return LiveEventListener.of(SeatWaitlisted.class,
                (e, context) -> fanOut.booking(e.delegateId(), e.sessionId(), "waitlisted", context));
    }

    @Bean
    LiveEventListener<WaitlistPromoted> liveWaitlistPromoted(ChangeFanOut fanOut) {
        return LiveEventListener.of(WaitlistPromoted.class,
                (e, context) -> fanOut.booking(e.delegateId(), e.sessionId(), "promoted", context));
    }

    @Bean
    LiveEventListener<SeatReleased> liveSeatReleased(ChangeFanOut fanOut) {
        return LiveEventListener.of(SeatReleased.class,
                (e, context) -> fanOut.booking(e.delegateId(), e.sessionId(), "released", context));
    }
}
