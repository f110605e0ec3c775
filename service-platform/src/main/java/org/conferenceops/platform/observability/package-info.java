/**
 * What a service tells about itself by default: its API description, and (through the web defaults) its metrics
 * tags, traces and log format.
 */
@NullMarked
package org.conferenceops.platform.observability;

import org.jspecify.annotations.NullMarked;
