package org.conferenceops.session.accreditation;

import org.conferenceops.platform.messaging.AppliedEvents;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A delegate as session-service knows them: ids and status only, no personal data. A withdrawn or erased delegate
 * stays as a tombstone, so a late or replayed accreditation cannot bring them back.
 */
@Document("accredited_delegates")
public class AccreditedDelegate {

    @Id
    private final String delegateId;
    @Version
    private @Nullable Long version;
    private String conferenceId;
    private String delegationId;
    private boolean vip;
    private @Nullable AccreditationStatus status;
    private AppliedEvents appliedEvents;

    @PersistenceCreator
    AccreditedDelegate(String delegateId, String conferenceId, String delegationId, boolean vip,
            @Nullable AccreditationStatus status, AppliedEvents appliedEvents) {
        this.delegateId = delegateId;
        this.conferenceId = conferenceId;
        this.delegationId = delegationId;
        this.vip = vip;
        this.status = status;
        this.appliedEvents = appliedEvents;
    }

    static AccreditedDelegate unknown(String delegateId) {
        return new AccreditedDelegate(delegateId, "", "", false, null, AppliedEvents.none());
    }

    void accredited(String conferenceId, String delegationId, boolean vip, AppliedEvents applied) {
        this.conferenceId = conferenceId;
        this.delegationId = delegationId;
        this.vip = vip;
        this.appliedEvents = applied;
        if (status == null) {
            status = AccreditationStatus.ACCREDITED;
        }
    }

    void ended(AccreditationStatus end, String conferenceId, String delegationId, AppliedEvents applied) {
        this.conferenceId = conferenceId;
        this.delegationId = delegationId;
        this.appliedEvents = applied;
        if (status != AccreditationStatus.ERASED) {
            status = end;
        }
    }

    /** Whether the delegate may book sessions of this conference. */
    public boolean mayBookIn(String conferenceId) {
        return status == AccreditationStatus.ACCREDITED && this.conferenceId.equals(conferenceId);
    }

    public String delegateId() {
        return delegateId;
    }

    public String conferenceId() {
        return conferenceId;
    }

    public String delegationId() {
        return delegationId;
    }

    public boolean vip() {
        return vip;
    }

    public @Nullable AccreditationStatus status() {
        return status;
    }

    AppliedEvents appliedEvents() {
        return appliedEvents;
    }
}
