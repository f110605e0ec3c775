/**
 * Signing in: the token cookie, the sign-in page (dev issuer or pasted token) and the security rules of every page.
 */
@NullMarked
package org.conferenceops.console.signin;

import org.jspecify.annotations.NullMarked;
