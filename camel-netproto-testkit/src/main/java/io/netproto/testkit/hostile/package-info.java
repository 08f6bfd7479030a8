/**
 * A scripted line server that answers like a hostile or broken FTP, POP3, IMAP, SMTP or NNTP server (garbage,
 * over-long lines, endless multi-line replies, huge IMAP literals, wrong codes, replies cut short, stalls), and a
 * seeded {@link io.netproto.testkit.hostile.ReplyFuzzer} generating such cases from each protocol's reply grammar.
 * Start with {@link io.netproto.testkit.hostile.HostileServer#start()}.
 */
package io.netproto.testkit.hostile;
