/**
 * Message templates in the six UN languages and their rendering to plain text and HTML.
 */
@NullMarked
package org.conferenceops.notification.templates;

import org.jspecify.annotations.NullMarked;
