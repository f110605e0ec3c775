/**
 * Log-line attribution for services that share one JVM: each service's threads carry its name in their thread group.
 */
@NullMarked
package org.conferenceops.localstack.logging;

import org.jspecify.annotations.NullMarked;
