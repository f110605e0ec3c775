package org.conferenceops.session.seats;

import java.util.List;
import java.util.Optional;
import org.conferenceops.events.session.Attendance;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Bookings, by session and by delegate. */
public interface BookingRepository extends MongoRepository<Booking, String> {

    List<Booking> findByDelegateId(String delegateId);

    List<Booking> findBySessionIdOrderByArrival(String sessionId);

    Optional<Booking> findFirstBySessionIdAndAttendanceAndStatusOrderByArrivalAsc(String sessionId,
            Attendance attendance, BookingStatus status);

    Optional<Booking> findFirstBySessionIdAndAttendanceAndStatusOrderByConfirmedAtDescArrivalDesc(String sessionId,
            Attendance attendance, BookingStatus status);

    long countBySessionIdAndAttendanceAndStatus(String sessionId, Attendance attendance, BookingStatus status);

    long countBySessionIdAndAttendanceAndStatusAndArrivalLessThan(String sessionId, Attendance attendance,
            BookingStatus status, long arrival);
}
