/**
 * The local development OIDC token issuer: a persisted RSA signing key, token minting and its HTTP endpoints.
 */
@NullMarked
package org.conferenceops.infra.issuer;

import org.jspecify.annotations.NullMarked;
