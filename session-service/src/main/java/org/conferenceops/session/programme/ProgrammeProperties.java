package org.conferenceops.session.programme;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the programme ({@code conference-ops.programme.*}, ADR 021).
 *
 * @param reservationGrace how old a slot in a room's or chair's ledger must be before it may be dropped because its
 *                         session does not match it (a change that stopped half-way); longer than a scheduling
 *                         request takes, so that a slot whose session is being written is never taken for stale
 */
@ConfigurationProperties("conference-ops.programme")
record ProgrammeProperties(@DefaultValue("1m") Duration reservationGrace) {
}
