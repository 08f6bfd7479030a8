/**
 * An embedded, in-memory NNTP server (RFC 3977 reader and posting subset, RFC 4642 STARTTLS, RFC 4643 AUTHINFO
 * USER/PASS) on loopback, with switches that provoke the failures a news client must survive, for tests, examples
 * and benchmarks. Start with {@link io.netproto.testkit.nntp.EmbeddedNewsServer#builder()}.
 */
package io.netproto.testkit.nntp;
