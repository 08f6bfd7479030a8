package io.netproto.testkit.nntp;

import java.time.Instant;

/**
 * A newsgroup's status as GROUP and LIST ACTIVE report it. An empty group has {@code count} 0 and {@code high} one
 * less than {@code low} (RFC 3977 section 6.1.1.2).
 */
record GroupStatus(String name, String description, Instant created, long count, long low, long high) {
}
