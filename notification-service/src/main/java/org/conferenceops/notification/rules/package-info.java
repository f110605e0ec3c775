/**
 * Who is told what, when an event arrives: each rule turns an upstream event into a fan-out of one message kind to
 * its audience. Rules can be switched off and marked urgent in configuration.
 */
@NullMarked
package org.conferenceops.notification.rules;

import org.jspecify.annotations.NullMarked;
