/**
 * TLS material for tests: a self-signed {@code localhost} server certificate and a trust store for it.
 */
package io.netproto.testkit.tls;
