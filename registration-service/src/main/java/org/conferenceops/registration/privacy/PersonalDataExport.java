package org.conferenceops.registration.privacy;

import java.time.Instant;
import java.util.List;
import org.conferenceops.registration.checkin.CheckInDesk;
import org.conferenceops.registration.delegates.DelegateView;
import org.conferenceops.registration.delegations.Seat;
import org.jspecify.annotations.Nullable;

/**
 * Everything registration-service holds about one person.
 *
 * @param delegate               the registration with profile, accreditation, documents and badge
 * @param identityDocumentNumber the decrypted identity document number, when one is on file
 * @param seat                   the delegation seat the person holds
 * @param entries                recorded venue entries
 * @param exportedAt             when this export was made
 */
record PersonalDataExport(DelegateView delegate, @Nullable String identityDocumentNumber, @Nullable Seat seat,
        List<CheckInDesk.Entry> entries, Instant exportedAt) {

    @Override
    public String toString() {
        return "PersonalDataExport[redacted]";
    }
}
