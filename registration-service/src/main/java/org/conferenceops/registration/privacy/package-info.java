/**
 * A person's privacy rights: export of everything held about them, and erasure.
 */
@NullMarked
package org.conferenceops.registration.privacy;

import org.jspecify.annotations.NullMarked;
