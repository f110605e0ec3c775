/**
 * How the console calls the services: their base URLs and the signed-in user's token, nothing else.
 */
@NullMarked
package org.conferenceops.console.backend;

import org.jspecify.annotations.NullMarked;
