/**
 * An SMTP server that keeps every message it receives, with a small HTTP inbox to read them.
 */
@NullMarked
package org.conferenceops.infra.mail;

import org.jspecify.annotations.NullMarked;
