/**
 * Small helpers shared by the embedded servers' JDK HTTP endpoints; not meant for use outside this module.
 */
@NullMarked
package org.conferenceops.infra.http;

import org.jspecify.annotations.NullMarked;
