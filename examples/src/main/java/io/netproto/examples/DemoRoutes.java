package io.netproto.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netproto.camel.ftp.FtpConstants;
import io.netproto.camel.imap.ImapConstants;
import io.netproto.camel.nntp.NntpConstants;
import io.netproto.camel.pop3.Pop3Constants;
import io.netproto.camel.smtp.SmtpConstants;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.attachment.DefaultAttachment;
import org.apache.camel.builder.RouteBuilder;

/**
 * The demo's routes, one flow over all five endpoints:
 * <ol>
 * <li>{@value #FTP_TO_MAIL}: a netftp consumer picks up each file in /inbox and netsmtp mails it, attached, to two
 * mailboxes; only then is the file moved to /done.</li>
 * <li>{@code imap-reader} and {@code pop3-reader}: a netimap consumer reads one mailbox, a netpop3 consumer the
 * other, so each mail is read by both without conflict.</li>
 * <li>{@code digest}: aggregates both readers' view of a batch of files into one digest, posted by the nntp
 * producer to a newsgroup.</li>
 * <li>{@code news-to-ftp}: the nntp consumer reads each new article of the newsgroup and netftp archives it as a
 * file in /archive.</li>
 * </ol>
 * Every route prints one line per thing it did and records it for the summary.
 */
final class DemoRoutes extends RouteBuilder {

    /** The first route; started by the scenario once the files are on the server, so they form one batch. */
    static final String FTP_TO_MAIL = "ftp-to-mail";

    private final DemoEndpoints endpoints;
    private final PrintStream out;
    private final AtomicInteger batches = new AtomicInteger();
    private volatile int batch;
    private final List<String> mailed = new CopyOnWriteArrayList<>();
    private final List<String> readByImap = new CopyOnWriteArrayList<>();
    private final List<String> readByPop3 = new CopyOnWriteArrayList<>();
    private final List<String> posted = new CopyOnWriteArrayList<>();
    private final List<String> archived = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstArchive = new CountDownLatch(1);

    DemoRoutes(DemoEndpoints endpoints, PrintStream out) {
        this.endpoints = endpoints;
        this.out = out;
    }

    @Override
    public void configure() {
        from(endpoints.inboxConsumer()).routeId(FTP_TO_MAIL).autoStartup(false)
                .process(this::toMail)
                .to(endpoints.smtp())
                .process(this::mailed);

        from(endpoints.imapConsumer()).routeId("imap-reader")
                .process(exchange -> readByImap.add(read(exchange, 3, "IMAP", DemoServers.ARCHIVE.address(), ImapConstants.UID)))
                .to("direct:digest");
        from(endpoints.pop3Consumer()).routeId("pop3-reader")
                .process(exchange -> readByPop3.add(read(exchange, 4, "POP3", DemoServers.AUDIT.address(), Pop3Constants.UID)))
                .to("direct:digest");

        from("direct:digest").routeId("digest")
                .aggregate(header(Digest.BATCH_HEADER), new Digest()).completionPredicate(Digest::complete)
                .process(Digest::toArticle)
                .to(endpoints.newsPost())
                .process(this::posted);

        from(endpoints.newsConsumer()).routeId("news-to-ftp")
                .process(DemoRoutes::toArchiveFile)
                .to(endpoints.archiveUpload())
                .process(this::archived);
    }

    /** The file becomes an attachment of a mail whose subject names it; the batch headers travel with the mail. */
    private void toMail(Exchange exchange) {
        if (exchange.getProperty(Exchange.BATCH_INDEX, 0, Integer.class) == 0) {
            batch = batches.incrementAndGet();
        }
        AttachmentMessage message = exchange.getIn(AttachmentMessage.class);
        String name = message.getHeader(FtpConstants.FILE_NAME, String.class);
        byte[] content = message.getBody(byte[].class);
        message.setBody(name + " arrived on the FTP server (" + content.length + " bytes); it is attached.\n");
        DefaultAttachment attachment = new DefaultAttachment(new ByteArrayDataSource(content, "text/csv"));
        // base64 carries the file byte for byte (as 7bit text its line ends would become CRLF)
        attachment.setHeader("Content-Transfer-Encoding", "base64");
        message.addAttachmentObject(name, attachment);
        message.setHeader(SmtpConstants.SUBJECT, "File " + name);
        message.setHeader(Digest.BATCH_HEADER, batch);
        message.setHeader(Digest.FILES_HEADER, exchange.getProperty(Exchange.BATCH_SIZE, Integer.class));
    }

    private void mailed(Exchange exchange) {
        String path = exchange.getMessage().getHeader(FtpConstants.REMOTE_PATH, String.class);
        mailed.add(exchange.getMessage().getHeader(FtpConstants.FILE_NAME, String.class));
        step(2, "mail", path + " -> " + DemoServers.ARCHIVE.address() + ", " + DemoServers.AUDIT.address() + ", attached, "
                        + exchange.getMessage().getHeader(SmtpConstants.MESSAGE_ID, String.class),
                "netftp consumer -> netsmtp producer");
    }

    /**
     * Prints what one reader found in a mail and records it for the digest.
     *
     * @return the name of the attached file
     */
    private String read(Exchange exchange, int step, String reader, String mailbox, String uidHeader) throws IOException {
        AttachmentMessage message = exchange.getIn(AttachmentMessage.class);
        String file = message.getAttachmentNames().iterator().next();
        long bytes;
        try (InputStream in = message.getAttachment(file).getInputStream()) {
            bytes = in.readAllBytes().length;
        }
        String uid = message.getHeader(uidHeader, String.class);
        exchange.setProperty(Digest.READING, new Digest.Reading(file, bytes, reader, uid));
        step(step, reader.toLowerCase(Locale.ROOT), mailbox + ": \"" + message.getHeader(SmtpConstants.SUBJECT, String.class)
                                                    + "\" with attachment " + file + " (" + bytes + " bytes), UID " + uid,
                "net" + reader.toLowerCase(Locale.ROOT) + " consumer");
        return file;
    }

    private void posted(Exchange exchange) {
        String messageId = exchange.getMessage().getBody(String.class);
        posted.add(messageId);
        step(5, "post", "digest of both readers -> " + DemoServers.GROUP + " as " + messageId, "aggregate + nntp producer");
    }

    /**
     * The article, its main headers first, becomes a file named after the group and the article number. The body's
     * lines end in CRLF, as NNTP carries them; so do the header lines.
     */
    private static void toArchiveFile(Exchange exchange) {
        var message = exchange.getMessage();
        String name = message.getHeader(NntpConstants.GROUP, String.class) + "-"
                      + message.getHeader(NntpConstants.ARTICLE_NUMBER, String.class) + ".txt";
        message.setBody("From: " + message.getHeader("From", String.class) + "\r\nSubject: "
                        + message.getHeader("Subject", String.class) + "\r\nMessage-ID: "
                        + message.getHeader(NntpConstants.MESSAGE_ID, String.class) + "\r\n\r\n" + message.getBody(String.class));
        message.setHeader(FtpConstants.FILE_NAME, name);
    }

    private void archived(Exchange exchange) {
        String path = exchange.getMessage().getHeader(FtpConstants.REMOTE_PATH, String.class);
        archived.add(path);
        step(6, "archive", DemoServers.GROUP + " article " + exchange.getMessage().getHeader(NntpConstants.ARTICLE_NUMBER)
                           + " -> " + path, "nntp consumer -> netftp producer");
        firstArchive.countDown();
    }

    /** Prints one step: its number, a verb, what happened and which endpoints did it. */
    void step(int number, String verb, String what, String how) {
        out.printf("step %d  %-8s %s   [%s]%n", number, verb, what, how);
    }

    /** Waits until the first article has been archived on FTP. */
    boolean awaitFirstArchive(long millis) throws InterruptedException {
        return firstArchive.await(millis, TimeUnit.MILLISECONDS);
    }

    List<String> mailed() {
        return List.copyOf(mailed);
    }

    List<String> readByImap() {
        return List.copyOf(readByImap);
    }

    List<String> readByPop3() {
        return List.copyOf(readByPop3);
    }

    List<String> posted() {
        return List.copyOf(posted);
    }

    List<String> archived() {
        return List.copyOf(archived);
    }
}
