package io.netproto.camel.smtp;

import io.netproto.testkit.mail.EmbeddedMailServer;
import io.netproto.testkit.tls.TestTls;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A running mail server and Camel context per test; {@code tls} in the registry trusts the test certificate. */
abstract class SmtpTestSupport {

    protected EmbeddedMailServer mail;
    protected CamelContext context;
    protected ProducerTemplate template;

    @BeforeEach
    void startServerAndContext() {
        mail = EmbeddedMailServer.start().user("bob@example.org", "bob", "secret");
        context = new DefaultCamelContext();
        context.getRegistry().bind("tls", TestTls.trustingParameters());
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopServerAndContext() {
        context.stop();
        mail.close();
    }

    /** A plain netsmtp URI of the test server, without credentials (no STARTTLS needed). */
    protected String smtp(String options) {
        return "netsmtp://" + mail.host() + ":" + mail.smtpPort() + "?" + options;
    }

    /** A netsmtps URI of the test server, logged in as bob and trusting the test certificate. */
    protected String smtps(String options) {
        return "netsmtps://bob@" + mail.host() + ":" + mail.smtpsPort() + "?password=secret&sslContextParameters=#tls&"
               + options;
    }

    /** Sends a body and fails the test with the exchange's exception, if any. */
    protected Exchange send(String uri, Object body) {
        Exchange exchange = template.request(uri, e -> e.getMessage().setBody(body));
        if (exchange.getException() != null) {
            throw new AssertionError("Exchange failed", exchange.getException());
        }
        return exchange;
    }
}
