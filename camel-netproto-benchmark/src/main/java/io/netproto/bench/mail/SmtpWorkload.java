package io.netproto.bench.mail;

import java.util.List;
import java.util.Properties;

import io.netproto.bench.Contender;
import io.netproto.bench.Measurement;
import io.netproto.bench.Role;
import io.netproto.bench.Scale;
import io.netproto.bench.Workload;
import io.netproto.testkit.mail.StartTlsFront;
import io.netproto.testkit.tls.TestTls;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * SMTP: messages of about 1 KB sent to bob, plain (no login) or through a STARTTLS front with AUTH. netsmtp with its
 * defaults; camel-mail with its defaults (a new connection per message); a bare Angus Mail loop on one connected
 * {@link Transport}. TLS trust: the test trust store, via sslContextParameters for netsmtp and the
 * {@code mail.smtp.ssl.socketFactory} property for the others.
 */
final class SmtpWorkload implements Workload {

    private final int count;
    private final boolean tls;
    private MailFixture mail;
    private StartTlsFront front;

    SmtpWorkload(Scale scale, boolean tls) {
        this.count = scale.items();
        this.tls = tls;
    }

    @Override
    public String id() {
        return tls ? "smtp-tls" : "smtp";
    }

    @Override
    public String title() {
        return String.format("SMTP: %,d messages sent%s", count, tls ? " (STARTTLS + AUTH)" : " (plain)");
    }

    @Override
    public String unit() {
        return "msgs/s";
    }

    @Override
    public void start() {
        mail = MailFixture.start();
        if (tls) {
            front = StartTlsFront.smtp(mail.server());
        }
    }

    @Override
    public List<Contender> contenders() {
        return List.of(
                new MailContender("netsmtp", Role.NETPROTO, mail::purge, this::netsmtp),
                new MailContender("camel-mail smtp", Role.CAMEL, mail::purge, this::camelMail),
                new MailContender("Angus Transport loop", Role.BARE, mail::purge, this::bare));
    }

    private int port() {
        return tls ? front.port() : mail.server().smtpPort();
    }

    private Measurement netsmtp() throws Exception {
        String uri = tls
                ? "netsmtp://" + MailFixture.LOGIN + "@" + mail.host() + ":" + port() + "?password=" + MailFixture.PASSWORD
                  + "&startTls=required&sslContextParameters=#tls&"
                : "netsmtp://" + mail.host() + ":" + port() + "?";
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("tls", TestTls.trustingParameters());
        return send(context, uri + "from=" + MailFixture.SENDER + "&to=" + MailFixture.EMAIL + "&subject=bench");
    }

    private Measurement camelMail() throws Exception {
        CamelContext context = new DefaultCamelContext();
        CamelMailComponent.register(context, "smtp");
        context.getRegistry().bind("javaMail", javaMailProperties());
        String login = tls ? "username=" + MailFixture.LOGIN + "&password=" + MailFixture.PASSWORD + "&" : "";
        return send(context, "smtp://" + mail.host() + ":" + port() + "?" + login + "from=" + MailFixture.SENDER + "&to="
                             + MailFixture.EMAIL + "&subject=bench&additionalJavaMailProperties=#javaMail");
    }

    /** Sends {@code count} bodies through the endpoint, timed from the first send; the context is started untimed. */
    private Measurement send(CamelContext context, String uri) throws Exception {
        try {
            context.start();
            Endpoint endpoint = context.getEndpoint(uri);
            ProducerTemplate template = context.createProducerTemplate();
            long start = System.nanoTime();
            for (int i = 1; i <= count; i++) {
                template.sendBody(endpoint, MailFixture.TEXT + i);
            }
            long nanos = System.nanoTime() - start;
            return checked(nanos);
        } finally {
            context.stop();
        }
    }

    private Measurement bare() throws Exception {
        Session session = Session.getInstance(javaMailProperties());
        long start = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(mail.host(), port(), tls ? MailFixture.LOGIN : null, tls ? MailFixture.PASSWORD : null);
            for (int i = 1; i <= count; i++) {
                MimeMessage message = MailFixture.message(session, "bench " + i);
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
        return checked(System.nanoTime() - start);
    }

    /** The rate, once the server proves it received every message. */
    private Measurement checked(long nanos) {
        int received = mail.received();
        if (received != count) {
            throw new IllegalStateException("The server received " + received + " of " + count + " messages");
        }
        return Measurement.rate(count, nanos);
    }

    /** STARTTLS and AUTH for the TLS variant (trusting the test certificate only), nothing for the plain one. */
    private Properties javaMailProperties() {
        Properties props = new Properties();
        if (tls) {
            props.put("mail.smtp.auth", "true");
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
            props.put("mail.smtp.ssl.socketFactory", TestTls.clientContext().getSocketFactory());
            props.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        return props;
    }

    @Override
    public void close() {
        if (front != null) {
            front.close();
        }
        if (mail != null) {
            mail.close();
        }
    }
}
