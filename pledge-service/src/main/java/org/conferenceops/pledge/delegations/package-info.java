/**
 * Which delegation stands for which member state at which conference, as registration-service announced it: the
 * read model that decides which state a focal point may pledge for.
 */
@NullMarked
package org.conferenceops.pledge.delegations;

import org.jspecify.annotations.NullMarked;
