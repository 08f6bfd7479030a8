package io.netproto.examples;

import java.nio.file.Path;

import io.netproto.testkit.ftp.EmbeddedFtpServer;
import io.netproto.testkit.mail.EmbeddedMailServer;
import io.netproto.testkit.nntp.EmbeddedNewsServer;

/**
 * The demo's embedded servers, each on a free loopback port, with their accounts: an FTP server, a mail server
 * (SMTP, POP3, IMAP) with a sender account and two mailboxes, and a news server with one newsgroup that requires
 * a login.
 *
 * @param ftp  the FTP server
 * @param mail the mail server
 * @param news the news server
 */
record DemoServers(EmbeddedFtpServer ftp, EmbeddedMailServer mail, EmbeddedNewsServer news) implements AutoCloseable {

    static final String FTP_USER = "demo";
    static final String FTP_PASSWORD = "ftp-secret";
    /** The account that sends mail (SMTP AUTH). */
    static final Account SENDER = new Account("reports@example.org", "reports", "smtp-secret");
    /** The mailbox read over IMAP. */
    static final Account ARCHIVE = new Account("archive@example.org", "archive", "imap-secret");
    /** The mailbox read over POP3. */
    static final Account AUDIT = new Account("audit@example.org", "audit", "pop3-secret");
    static final String NEWS_USER = "demo";
    static final String NEWS_PASSWORD = "news-secret";
    static final String GROUP = "local.demo.digest";

    /**
     * A mail account.
     *
     * @param address  the mail address
     * @param login    the login name
     * @param password the password
     */
    record Account(String address, String login, String password) {
    }

    /**
     * Starts the three servers.
     *
     * @param  ftpRoot the FTP server's root directory, or {@code null} for a temporary one deleted on close
     * @return         the running servers
     */
    static DemoServers start(Path ftpRoot) {
        EmbeddedFtpServer.Builder ftpBuilder = EmbeddedFtpServer.builder().user(FTP_USER, FTP_PASSWORD);
        if (ftpRoot != null) {
            ftpBuilder.root(ftpRoot);
        }
        EmbeddedFtpServer ftp = ftpBuilder.start();
        EmbeddedMailServer mail = null;
        try {
            mail = EmbeddedMailServer.start();
            for (Account account : new Account[] {SENDER, ARCHIVE, AUDIT}) {
                mail.user(account.address(), account.login(), account.password());
            }
            EmbeddedNewsServer news = EmbeddedNewsServer.builder().group(GROUP, "Digests of the files received by FTP")
                    .user(NEWS_USER, NEWS_PASSWORD).requireAuth(true).start();
            return new DemoServers(ftp, mail, news);
        } catch (RuntimeException e) {
            if (mail != null) {
                mail.close();
            }
            ftp.close();
            throw e;
        }
    }

    /** The endpoint URIs of the demo, pointing at these servers. */
    DemoEndpoints endpoints() {
        return new DemoEndpoints(ftp.host(), ftp.port(), mail.smtpPort(), mail.imapPort(), mail.pop3Port(), news.port());
    }

    /** One line naming every server and port. */
    String describe() {
        return String.format("embedded servers on %s: FTP %d, SMTP %d, IMAP %d, POP3 %d, NNTP %d (group %s)",
                ftp.host(), ftp.port(), mail.smtpPort(), mail.imapPort(), mail.pop3Port(), news.port(), GROUP);
    }

    @Override
    public void close() {
        try {
            news.close();
        } finally {
            try {
                mail.close();
            } finally {
                ftp.close();
            }
        }
    }
}
