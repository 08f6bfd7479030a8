/**
 * An embedded mail server (GreenMail: SMTP, SMTPS, POP3, POP3S, IMAP, IMAPS) on loopback, for tests, examples and
 * benchmarks.
 */
package io.netproto.testkit.mail;
