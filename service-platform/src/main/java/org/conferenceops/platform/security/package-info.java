/**
 * Who is calling: a stateless OAuth2 resource server on JWTs, roles from the token, and the {@link
 * org.conferenceops.platform.security.CurrentUser} that services check ownership against.
 */
@NullMarked
package org.conferenceops.platform.security;

import org.jspecify.annotations.NullMarked;
