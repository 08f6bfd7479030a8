package io.netproto.camel.pop3;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Attachment names a hostile sender chose cannot leave a directory when a route writes attachments under their names,
 * and the spool directory holds only files the consumer named itself, removed after the poll.
 */
class Pop3HostileNameTest extends Pop3TestSupport {

    @Test
    void attachmentNamesThatTryToEscapeStayInTheRoutesDirectory(@TempDir Path tmp) throws Exception {
        server.deliver(withAttachments("../../escape.txt", "..", "sub\\..\\..\\win.txt", "."));
        Path out = tmp.resolve("deep/out");
        Path spool = tmp.resolve("spool");
        List<String> names = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("spoolDirectory=" + spool + "&delay=50&initialDelay=0")).process(e -> {
                    AttachmentMessage message = e.getIn(AttachmentMessage.class);
                    for (String name : message.getAttachmentNames()) {
                        names.add(name);
                        e.getContext().createProducerTemplate().sendBodyAndHeader("file:" + out,
                                message.getAttachment(name).getInputStream(), Exchange.FILE_NAME, name);
                    }
                });
            }
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> mailboxSize() == 0);
        context.getRouteController().stopAllRoutes();
        assertThat(names).containsExactlyInAnyOrder(".._.._escape.txt", "part-2.bin", "sub_.._.._win.txt", "part-4.bin");
        try (var files = Files.walk(tmp)) {
            assertThat(files.filter(Files::isRegularFile)).allMatch(f -> f.getParent().equals(out)).hasSize(4);
        }
        assertThat(Set.of(out.toFile().list())).containsExactlyInAnyOrderElementsOf(names);
    }

    private static MimeMessage withAttachments(String... names) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("mallory@example.org"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(EMAIL));
        message.setSubject("names");
        MimeMultipart multipart = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("see attached", "UTF-8");
        multipart.addBodyPart(text);
        for (String name : names) {
            MimeBodyPart part = new MimeBodyPart();
            part.setContent(("data of " + name).getBytes(StandardCharsets.UTF_8), "application/octet-stream");
            part.setFileName(name);
            multipart.addBodyPart(part);
        }
        message.setContent(multipart);
        message.saveChanges();
        return message;
    }
}
