/**
 * Test infrastructure shared by every module: one broker, one MongoDB, one SMTP server and one token issuer per
 * test JVM, chosen from environment addresses, then Testcontainers when Docker is present, then embedded servers.
 */
@NullMarked
package org.conferenceops.testsupport;

import org.jspecify.annotations.NullMarked;
