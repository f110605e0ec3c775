package org.conferenceops.session.live;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.conferenceops.platform.messaging.EventContext;
import org.conferenceops.session.seats.Booking;
import org.conferenceops.session.seats.BookingRepository;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Decides who on this replica hears of a change. A programme change reaches the conference's programme streams
 * and the agenda streams of delegates who hold (or held) a booking for the session; a booking change reaches its
 * delegate. The bookings are only looked up when some delegate here has an agenda stream open.
 *
 * <p>The work runs on a small pool of its own, not on the platform's live thread, so a slow client or a slow
 * lookup never holds up the events behind it; when the pool is swamped the oldest pending push is dropped (screens
 * are best effort and fetch the current picture on their next change or reconnect).
 */
@Component
class ChangeFanOut implements DisposableBean {

    private final LiveStreams streams;
    private final BookingRepository bookings;
    private final ThreadPoolExecutor pushes = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(10_000), runnable -> {
                Thread thread = new Thread(runnable, "session-live-push");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardOldestPolicy());

    ChangeFanOut(LiveStreams streams, BookingRepository bookings) {
        this.streams = streams;
        this.bookings = bookings;
    }

    void programme(String conferenceId, String sessionId, String change, EventContext context) {
        LiveChange live = new LiveChange(sessionId, change, context.eventId());
        pushes.execute(() -> {
            streams.toProgramme(conferenceId, live);
            Set<String> watching = streams.watchingDelegates();
            if (watching.isEmpty()) {
                return;
            }
            Set<String> booked = new LinkedHashSet<>();
            for (Booking booking : bookings.findBySessionIdOrderByArrival(sessionId)) {
                if (watching.contains(booking.delegateId())) {
                    booked.add(booking.delegateId());
                }
            }
            streams.toDelegates(booked, live);
        });
    }

    void booking(String delegateId, String sessionId, String change, EventContext context) {
        LiveChange live = new LiveChange(sessionId, change, context.eventId());
        pushes.execute(() -> streams.toDelegate(delegateId, live));
    }

    @Override
    public void destroy() {
        pushes.shutdownNow();
    }
}
