/**
 * The all-in-one local stack: embedded Kafka, MongoDB, SMTP and token issuer plus the four services on loopback.
 */
@NullMarked
package org.conferenceops.localstack;

import org.jspecify.annotations.NullMarked;
