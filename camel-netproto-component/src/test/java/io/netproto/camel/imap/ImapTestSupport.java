package io.netproto.camel.imap;

import java.util.HashMap;
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
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh embedded mail server (IMAP, IMAPS) with one mailbox, and a CamelContext with the test TLS trust as #tls. */
abstract class ImapTestSupport {

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

    /** An imap URI of the given scheme for the embedded server's plain or TLS port, extra options appended. */
    String uri(String scheme, String options) {
        boolean secure = scheme.endsWith("s");
        int port = secure ? server.imapsPort() : server.imapPort();
        // GreenMail's plain IMAP offers no STARTTLS: the tests of the plain scheme allow clear text explicitly
        boolean choosesTls = options != null && options.contains("startTls=");
        return scheme + "://" + USER + "@" + server.host() + ":" + port + "?password=" + PASSWORD
               + (secure ? "&sslContextParameters=#tls" : choosesTls ? "" : "&startTls=optional")
               + (options == null || options.isEmpty() ? "" : "&" + options);
    }

    String uri(String options) {
        return uri("imap", options);
    }

    /** Puts a text message from bob into the INBOX. */
    void deliver(String subject, String text) {
        deliver("bob@example.org", subject, text);
    }

    void deliver(String from, String subject, String text) {
        server.deliver(message(from, subject, text));
    }

    static MimeMessage message(String from, String subject, String text) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(EMAIL));
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs an operation; the exchange carries the result or the exception. */
    Exchange call(ImapOperation operation, Object body, Object... headers) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put((String) headers[i], headers[i + 1]);
        }
        map.put(ImapConstants.OPERATION, operation.name());
        return template.send(uri(""), e -> {
            e.getIn().setBody(body);
            e.getIn().setHeaders(map);
        });
    }

    /** Runs an operation that must succeed and returns the result body. */
    Object ok(ImapOperation operation, Object... headers) {
        Exchange exchange = call(operation, null, headers);
        if (exchange.getException() != null) {
            throw new AssertionError("Operation " + operation + " failed", exchange.getException());
        }
        return exchange.getMessage().getBody();
    }

    /** UIDs in a mailbox matching criteria. */
    @SuppressWarnings("unchecked")
    java.util.List<Long> search(String mailbox, String criteria) {
        return (java.util.List<Long>) ok(ImapOperation.search, ImapConstants.MAILBOX, mailbox, ImapConstants.CRITERIA, criteria);
    }
}
