/**
 * Spring infrastructure shared by every Conference Ops service; it knows no service's domain.
 */
@NullMarked
package org.conferenceops.platform;

import org.jspecify.annotations.NullMarked;
