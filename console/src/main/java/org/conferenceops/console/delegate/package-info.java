/**
 * The delegate's pages: badge, agenda with live changes, notifications feed and preferences.
 */
@NullMarked
package org.conferenceops.console.delegate;

import org.jspecify.annotations.NullMarked;
