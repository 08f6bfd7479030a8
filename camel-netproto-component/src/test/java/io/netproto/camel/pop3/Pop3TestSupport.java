package io.netproto.camel.pop3;

import java.util.Map;
import java.util.Properties;

import io.netproto.testkit.mail.EmbeddedMailServer;
import io.netproto.testkit.tls.TestTls;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh embedded mail server (POP3, POP3S) with one mailbox, and a CamelContext with the test TLS trust as #tls. */
abstract class Pop3TestSupport {

    static final String EMAIL = "alice@example.org";
    static final String USER = "alice";
    static final String PASSWORD = "s3cret!";

    EmbeddedMailServer server;
    CamelContext context;
    ProducerTemplate template;

    @BeforeEach
    void startServerAndContext() throws Exception {
        server = EmbeddedMailServer.start().user(EMAIL, USER, PASSWORD);
        context = newContext();
        context.start();
        template = context.createProducerTemplate();
    }

    /** A new context, not started, with the bean {@code tls} trusting the test certificate. */
    CamelContext newContext() {
        CamelContext camelContext = new DefaultCamelContext();
        camelContext.getRegistry().bind("tls", TestTls.trustingParameters());
        return camelContext;
    }

    @AfterEach
    void stopServerAndContext() {
        if (context != null) {
            context.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A pop3 URI of the given scheme for the embedded server's plain or TLS port, extra options appended. */
    String uri(String scheme, String options) {
        boolean secure = scheme.endsWith("s");
        int port = secure ? server.pop3sPort() : server.pop3Port();
        // GreenMail's plain POP3 offers no STLS: the tests of the plain scheme allow clear text explicitly
        boolean choosesTls = options != null && options.contains("startTls=");
        return scheme + "://" + USER + "@" + server.host() + ":" + port + "?password=" + PASSWORD
               + (secure ? "&sslContextParameters=#tls" : choosesTls ? "" : "&startTls=optional")
               + (options == null || options.isEmpty() ? "" : "&" + options);
    }

    String uri(String options) {
        return uri("pop3", options);
    }

    /** Puts a text message into the mailbox. */
    void deliver(String subject, String text) {
        server.deliver(message(subject, text));
    }

    static MimeMessage message(String subject, String text) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress("bob@example.org"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(EMAIL));
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number of messages in the mailbox, as the server holds it. */
    int mailboxSize() {
        return server.greenMail().getReceivedMessages().length;
    }

    Object request(String uri, Map<String, Object> headers) {
        return template.requestBodyAndHeaders(uri, null, headers);
    }
}
