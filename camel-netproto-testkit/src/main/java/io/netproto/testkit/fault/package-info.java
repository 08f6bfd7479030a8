/**
 * A fault-injecting TCP proxy for tests: it sits between a client and an embedded server and drops, resets, stalls,
 * delays or cuts connections at chosen or seeded byte offsets.
 */
package io.netproto.testkit.fault;
