/**
 * An embedded FTP/FTPS server (Apache FtpServer) on loopback, for tests, examples and benchmarks.
 */
package io.netproto.testkit.ftp;
