/**
 * A MongoDB wire-protocol server backed by memory or by an H2 file.
 */
@NullMarked
package org.conferenceops.infra.mongo;

import org.jspecify.annotations.NullMarked;
