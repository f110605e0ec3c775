/**
 * HTTP answers shared by the features that the platform's problem types do not cover.
 */
@NullMarked
package org.conferenceops.registration.web;

import org.jspecify.annotations.NullMarked;
