/**
 * Badges: issue and revocation, the QR payload signed with Ed25519 so it cannot be forged or altered, and the printed
 * badge as PNG.
 */
@NullMarked
package org.conferenceops.registration.badges;

import org.jspecify.annotations.NullMarked;
