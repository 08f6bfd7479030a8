package io.netproto.examples;

import static io.netproto.examples.DemoServers.ARCHIVE;
import static io.netproto.examples.DemoServers.AUDIT;
import static io.netproto.examples.DemoServers.FTP_PASSWORD;
import static io.netproto.examples.DemoServers.FTP_USER;
import static io.netproto.examples.DemoServers.GROUP;
import static io.netproto.examples.DemoServers.NEWS_PASSWORD;
import static io.netproto.examples.DemoServers.NEWS_USER;
import static io.netproto.examples.DemoServers.SENDER;

/**
 * The endpoint URIs of the demo, all on one loopback host. Passwords are passed as {@code RAW(...)}, so any character
 * is safe.
 * <p>
 * The mail endpoints set {@code startTls=disabled}: with a username they default to {@code startTls=required}, so
 * that no password travels in clear text, and the embedded mail server offers no STARTTLS. Against a real server
 * drop that option, or use {@code netsmtps}, {@code netimaps} and {@code netpop3s} (TLS from the first byte).
 *
 * @param host     the host of every server
 * @param ftpPort  the FTP control port
 * @param smtpPort the SMTP port
 * @param imapPort the IMAP port
 * @param pop3Port the POP3 port
 * @param nntpPort the NNTP port
 */
record DemoEndpoints(String host, int ftpPort, int smtpPort, int imapPort, int pop3Port, int nntpPort) {

    /** Milliseconds between two polls of the consumers. */
    private static final int POLL_DELAY = 200;

    private String ftp(String directory, String options) {
        return "netftp://" + FTP_USER + "@" + host + ":" + ftpPort + directory + "?password=RAW(" + FTP_PASSWORD + ")"
               + (options.isEmpty() ? "" : "&" + options);
    }

    /** Producer uploading into /inbox (no operation: the body is uploaded atomically). */
    String inboxUpload() {
        return ftp("/inbox", "");
    }

    /** Consumer of /inbox: each file is moved to /done once its exchange (the mail) succeeded. */
    String inboxConsumer() {
        return ftp("/inbox", "move=/done&initialDelay=0&delay=" + POLL_DELAY);
    }

    /** Producer uploading into /archive. */
    String archiveUpload() {
        return ftp("/archive", "");
    }

    /** Producer running one operation at the login directory; header CamelNetFtpPath names the directory. */
    String ftpOperation(String operation) {
        return ftp("", "operation=" + operation);
    }

    /** Sends each message as a mail from the sender account to both mailboxes; the header Subject is the subject. */
    String smtp() {
        return "netsmtp://" + SENDER.login() + "@" + host + ":" + smtpPort + "?password=RAW(" + SENDER.password() + ")"
               + "&startTls=disabled&from=" + SENDER.address() + "&to=" + ARCHIVE.address() + "," + AUDIT.address()
               + "&useHeaderSubject=true";
    }

    /** Reads the archive mailbox over IMAP: each unseen mail once, flagged \Seen afterwards. */
    String imapConsumer() {
        return "netimap://" + ARCHIVE.login() + "@" + host + ":" + imapPort + "?password=RAW(" + ARCHIVE.password() + ")"
               + "&startTls=disabled&initialDelay=0&delay=" + POLL_DELAY;
    }

    /** Reads the audit mailbox over POP3: each mail once, deleted afterwards. */
    String pop3Consumer() {
        return "netpop3://" + AUDIT.login() + "@" + host + ":" + pop3Port + "?password=RAW(" + AUDIT.password() + ")"
               + "&startTls=disabled&initialDelay=0&delay=" + POLL_DELAY;
    }

    /** Posts each message as an article to the digest newsgroup (headers From and Subject). */
    String newsPost() {
        return news("");
    }

    /** Reads every new article of the digest newsgroup. */
    String newsConsumer() {
        return news("&initialDelay=0&delay=" + POLL_DELAY);
    }

    private String news(String options) {
        return "nntp://" + NEWS_USER + "@" + host + ":" + nntpPort + "/" + GROUP + "?password=RAW(" + NEWS_PASSWORD + ")"
               + options;
    }
}
