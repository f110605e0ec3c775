/**
 * Page chrome shared by every page: languages and direction, the signed-in user, errors.
 */
@NullMarked
package org.conferenceops.console.web;

import org.jspecify.annotations.NullMarked;
