package io.netproto.camel.imap;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A message with a 50 MB attachment passes through an imap route in a JVM whose heap is capped at 64 MB. */
class ImapLargeMessageTest extends ImapTestSupport {

    private static final int SIZE_MB = 50;

    @Test
    void aFiftyMegabyteAttachmentPassesThroughARouteWithA64MegabyteHeap(@TempDir Path work) throws Exception {
        Path attachment = work.resolve("big.bin");
        try (OutputStream out = Files.newOutputStream(attachment)) {
            Random random = new Random(42);
            byte[] block = new byte[1024 * 1024];
            for (int i = 0; i < SIZE_MB; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        server.deliver(messageWith(attachment));
        long uid = search("INBOX", "ALL").get(0);
        @SuppressWarnings("unchecked")
        List<ImapFetchResult> sized = (List<ImapFetchResult>) ok(ImapOperation.fetch, ImapConstants.UID, uid,
                ImapConstants.FETCH_PARTS, "RFC822.SIZE");
        long size = sized.get(0).size();
        assertThat(size).isGreaterThan(SIZE_MB * 1024L * 1024L);

        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String from = uri("imap", "initialDelay=0&delay=500&mapMailMessage=false&readTimeout=60000");
        Process process = new ProcessBuilder(List.of(javaBin, "-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-cp", classpath,
                ImapLargeMessageTransfer.class.getName(), from))
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("output.txt").toFile())
                .start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(work.resolve("output.txt"), StandardCharsets.UTF_8);
        assertThat(finished).as("the transfer finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        // the whole message streamed through: at least the size the server reports, up to the closing boundary
        long consumed = Long.parseLong(output.replaceAll("(?s).*consumed: (\\d+) bytes.*", "$1"));
        assertThat(consumed).as(output).isGreaterThanOrEqualTo(size);
        assertThat(output).containsPattern("tail: .*--\\R").contains("max heap MB: ");
        // committed: flagged \Seen once the route completed
        assertThat(search("INBOX", "SEEN")).containsExactly(uid);
    }

    private static MimeMessage messageWith(Path file) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("bob@example.org"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(EMAIL));
        message.setSubject("big");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("see attachment", "UTF-8");
        MimeBodyPart data = new MimeBodyPart();
        data.setDataHandler(new DataHandler(new FileDataSource(file.toFile())));
        data.setFileName("big.bin");
        MimeMultipart multipart = new MimeMultipart(text, data);
        message.setContent(multipart);
        message.saveChanges();
        return message;
    }
}
