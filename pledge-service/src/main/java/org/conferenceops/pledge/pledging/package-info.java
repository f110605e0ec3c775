/**
 * Pledge intake and life: submission (idempotent), corrections as revisions, multi-party confirmation, the explicit
 * lifecycle from draft to PCRS readiness levels and deployment, renewal, and who may see and change which pledge.
 */
@NullMarked
package org.conferenceops.pledge.pledging;

import org.jspecify.annotations.NullMarked;
