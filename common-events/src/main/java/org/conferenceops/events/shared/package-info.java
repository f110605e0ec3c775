/**
 * Small value types shared by several event families.
 */
@NullMarked
package org.conferenceops.events.shared;

import org.jspecify.annotations.NullMarked;
