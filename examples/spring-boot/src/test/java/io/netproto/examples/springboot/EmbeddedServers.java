package io.netproto.examples.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import io.netproto.testkit.ftp.EmbeddedFtpServer;
import io.netproto.testkit.mail.EmbeddedMailServer;

/**
 * The servers the application talks to, embedded on free loopback ports: two FTP servers standing in for the
 * partner's server (source) and the archive (target), each with its own account, and a mail server that takes the
 * notifications (an account to send from and the operators' mailbox).
 *
 * @param source the partner's FTP server
 * @param target the archive FTP server
 * @param mail   the mail server (SMTP)
 */
public record EmbeddedServers(EmbeddedFtpServer source, EmbeddedFtpServer target, EmbeddedMailServer mail)
        implements AutoCloseable {

    static final String SOURCE_USER = "acme-outbound";
    /** Characters that would break a URI unless passed on with RAW(...), as the route does. */
    static final String SOURCE_PASSWORD = "s0urce&secret+%/ ?";
    static final String TARGET_USER = "relay";
    static final String TARGET_PASSWORD = "t@rget#secret=1";
    static final String MAIL_USER = "relay";
    static final String MAIL_PASSWORD = "m@il secret&2";
    static final String MAIL_FROM = "relay@example.com";
    static final String MAIL_TO = "ops@example.com";

    /** Starts the servers, the FTP servers each with an empty temporary root deleted on {@link #close()}. */
    public static EmbeddedServers start() {
        EmbeddedFtpServer source = EmbeddedFtpServer.builder().user(SOURCE_USER, SOURCE_PASSWORD).start();
        EmbeddedFtpServer target = null;
        try {
            target = EmbeddedFtpServer.builder().user(TARGET_USER, TARGET_PASSWORD).start();
            EmbeddedMailServer mail = EmbeddedMailServer.start().user(MAIL_FROM, MAIL_USER, MAIL_PASSWORD)
                    .user(MAIL_TO, "ops", "ops-secret");
            return new EmbeddedServers(source, target, mail);
        } catch (RuntimeException e) {
            if (target != null) {
                target.close();
            }
            source.close();
            throw e;
        }
    }

    /** The application's {@code relay.*} connection properties pointing at these servers. */
    public Map<String, Object> relayProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("relay.source.host", source.host());
        properties.put("relay.source.port", source.port());
        properties.put("relay.source.user", SOURCE_USER);
        properties.put("relay.source.password", SOURCE_PASSWORD);
        properties.put("relay.target.host", target.host());
        properties.put("relay.target.port", target.port());
        properties.put("relay.target.user", TARGET_USER);
        properties.put("relay.target.password", TARGET_PASSWORD);
        properties.put("relay.mail.host", mail.host());
        properties.put("relay.mail.port", mail.smtpPort());
        properties.put("relay.mail.user", MAIL_USER);
        properties.put("relay.mail.password", MAIL_PASSWORD);
        properties.put("relay.mail.from", MAIL_FROM);
        properties.put("relay.mail.to", MAIL_TO);
        // the embedded mail server offers no STARTTLS (application.properties requires it)
        properties.put("relay.mail.start-tls", "disabled");
        return properties;
    }

    @Override
    public void close() {
        try {
            mail.close();
        } finally {
            try {
                target.close();
            } finally {
                source.close();
            }
        }
    }
}
