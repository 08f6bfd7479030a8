package io.netproto.camel.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import io.netproto.testkit.ftp.EmbeddedFtpServer;
import io.netproto.testkit.mail.EmbeddedMailServer;
import io.netproto.testkit.nntp.EmbeddedNewsServer;

/**
 * Every embedded test server with one user, {@code alice}, and the given password: mail (SMTP, POP3, IMAP and their
 * TLS variants), FTP and FTPS (explicit), NNTP and NNTPS; with one simple, authenticated endpoint URI per protocol.
 * The TLS endpoints trust the test certificate through the registry bean {@code #tls}.
 */
public final class AllServers implements AutoCloseable {

    /** The protocols, as named here: ftp, nntp, pop3, imap, smtp. */
    public static final String[] PROTOCOLS = { "ftp", "nntp", "pop3", "imap", "smtp" };
    public static final String USER = "alice";
    public static final String EMAIL = "alice@example.org";
    public static final String GROUP = "local.test";

    private final String password;
    private final EmbeddedMailServer mail;
    private final EmbeddedFtpServer ftp;
    private final EmbeddedFtpServer ftps;
    private final EmbeddedNewsServer news;
    private final EmbeddedNewsServer nntps;

    public AllServers(String password) {
        this.password = password;
        mail = EmbeddedMailServer.start().user(EMAIL, USER, password);
        ftp = EmbeddedFtpServer.builder().user(USER, password).start();
        ftps = EmbeddedFtpServer.builder().user(USER, password).tls(EmbeddedFtpServer.Tls.EXPLICIT).start();
        news = EmbeddedNewsServer.builder().group(GROUP).user(USER, password).requireAuth(true).start();
        nntps = EmbeddedNewsServer.builder().group(GROUP).user(USER, password).requireAuth(true).implicitTls(true).start();
        try {
            Files.createDirectories(ftp.root().resolve("inbox"));
            Files.createDirectories(ftps.root().resolve("inbox"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public EmbeddedMailServer mail() {
        return mail;
    }

    public EmbeddedNewsServer news() {
        return news;
    }

    public EmbeddedFtpServer ftp() {
        return ftp;
    }

    /** The plain port of a protocol's server. */
    public int plainPort(String protocol) {
        return switch (protocol) {
            case "ftp" -> ftp.port();
            case "nntp" -> news.port();
            case "pop3" -> mail.pop3Port();
            case "imap" -> mail.imapPort();
            case "smtp" -> mail.smtpPort();
            default -> throw new IllegalArgumentException(protocol);
        };
    }

    /**
     * An endpoint URI over clear text to {@code 127.0.0.1:port} (a plain server or a relay in front of one), logged in
     * with the given password, with one harmless default operation (ftp dir, nntp group, pop3 stat, imap noop, smtp
     * sendmail to alice) and STARTTLS optional, so the policy under test alone decides; extra options appended.
     */
    public String plainUri(String protocol, int port, String password, String options) {
        return plainUri(protocol, "127.0.0.1", port, password, options);
    }

    /** {@link #plainUri(String, int, String, String)} to another host, such as a relay on a non-loopback address. */
    public String plainUri(String protocol, String host, int port, String password, String options) {
        String address = USER + "@" + host + ":" + port;
        String credentials = "password=RAW(" + password + ")";
        String uri = switch (protocol) {
            case "ftp" -> "netftp://" + address + "/inbox?" + credentials + "&operation=dir";
            case "nntp" -> "nntp://" + address + "/" + GROUP + "?" + credentials + "&operation=group";
            case "pop3" -> "pop3://" + address + "?" + credentials + "&startTls=optional&operation=stat";
            case "imap" -> "imap://" + address + "?" + credentials + "&startTls=optional&operation=noop";
            case "smtp" -> "netsmtp://" + address + "?" + credentials + "&startTls=optional&to=" + EMAIL + "&subject=hello";
            default -> throw new IllegalArgumentException(protocol);
        };
        return options == null || options.isEmpty() ? uri : uri + "&" + options;
    }

    /** {@link #plainUri} to the protocol's own plain server with the right password. */
    public String plainUri(String protocol, String options) {
        return plainUri(protocol, plainPort(protocol), password, options);
    }

    /**
     * An endpoint URI over implicit TLS (explicit AUTH TLS for ftp), trusting the test certificate ({@code #tls}),
     * with the same default operation as {@link #plainUri}; extra options appended.
     */
    public String tlsUri(String protocol, String options) {
        int port = switch (protocol) {
            case "ftp" -> ftps.port();
            case "nntp" -> nntps.port();
            case "pop3" -> mail.pop3sPort();
            case "imap" -> mail.imapsPort();
            case "smtp" -> mail.smtpsPort();
            default -> throw new IllegalArgumentException(protocol);
        };
        String extra = options == null || options.isEmpty() ? "" : "&" + options;
        return secureUri(protocol, port, "sslContextParameters=#tls" + extra);
    }

    /**
     * An endpoint URI of the protocol's secure scheme for {@code localhost:port}, logged in, with the same default
     * operation as {@link #plainUri}, trusting only what the options say; options appended.
     */
    public String secureUri(String protocol, int port, String options) {
        String address = USER + "@localhost:" + port;
        String credentials = "password=RAW(" + password + ")";
        String uri = switch (protocol) {
            case "ftp" -> "netftps://" + address + "/inbox?" + credentials + "&operation=dir";
            case "nntp" -> "nntps://" + address + "/" + GROUP + "?" + credentials + "&operation=group";
            case "pop3" -> "pop3s://" + address + "?" + credentials + "&operation=stat";
            case "imap" -> "imaps://" + address + "?" + credentials + "&operation=noop";
            case "smtp" -> "netsmtps://" + address + "?" + credentials + "&to=" + EMAIL + "&subject=hello";
            default -> throw new IllegalArgumentException(protocol);
        };
        return options == null || options.isEmpty() ? uri : uri + "&" + options;
    }

    /** The open client connections of a protocol's servers, plain and TLS together. */
    public int connectionCount(String protocol) {
        return switch (protocol) {
            case "ftp" -> ftp.connectionCount() + ftps.connectionCount();
            case "nntp" -> news.connectionCount() + nntps.connectionCount();
            case "pop3", "imap", "smtp" -> mail.connectionCount(protocol) + mail.connectionCount(protocol + "s");
            default -> throw new IllegalArgumentException(protocol);
        };
    }

    @Override
    public void close() {
        for (AutoCloseable server : new AutoCloseable[] { nntps, news, ftps, ftp, mail }) {
            try {
                server.close();
            } catch (Exception e) {
                // close the others anyway
            }
        }
    }
}
