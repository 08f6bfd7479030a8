package io.netproto.camel.mail;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import io.netproto.camel.support.GuardedSocketFactory;
import io.netproto.camel.support.GuardedSslSocketFactory;
import io.netproto.camel.support.NetConfiguration;
import io.netproto.camel.support.ProtocolTrace;
import io.netproto.camel.support.ReplyLimits;
import io.netproto.camel.support.TlsContexts;
import jakarta.mail.Session;
import org.apache.camel.CamelContext;

/**
 * Builds the Jakarta Mail {@link Session} of a mail endpoint from the shared connection settings:
 * finite connect/read/write timeouts, TLS from {@code sslContextParameters} with server identity
 * checks unless turned off, replies bounded by {@link ReplyLimits} on plain and TLS connections, and the protocol trace
 * (credentials never logged).
 */
public final class MailSessions {

    /** How STARTTLS is used on a plain connection. */
    public enum StartTls {
        /** Never upgrade. */
        disabled,
        /** Upgrade when the server offers it. */
        optional,
        /** Upgrade, or fail before anything else is sent. */
        required
    }

    private MailSessions() {
    }

    /**
     * @param protocol Jakarta Mail protocol name: smtp, smtps, pop3, pop3s, imap or imaps
     * @param port     the port to connect to
     * @param startTls STARTTLS policy for the plain protocols (ignored for implicit TLS)
     */
    public static Session create(CamelContext camelContext, NetConfiguration cfg, String protocol, int port, StartTls startTls) {
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put(p + "host", cfg.getHost());
        props.put(p + "port", String.valueOf(port));
        props.put(p + "connectiontimeout", String.valueOf(cfg.getConnectTimeout()));
        props.put(p + "timeout", String.valueOf(cfg.getReadTimeout()));
        props.put(p + "writetimeout", String.valueOf(cfg.getReadTimeout()));
        if (cfg.getUsername() != null) {
            props.put(p + "user", cfg.getUsername());
            props.put(p + "auth", "true");
        }
        boolean implicit = protocol.endsWith("s");
        boolean tls = implicit || startTls != StartTls.disabled;
        if (tls) {
            // replies over TLS are bounded too: the factory guards the decrypted streams of the TLS sockets it layers
            props.put(p + "ssl.socketFactory",
                    replyLimits(protocol).sslSocketFactory(TlsContexts.create(camelContext, cfg).getSocketFactory()));
            props.put(p + "ssl.checkserveridentity", String.valueOf(cfg.isVerifyHostname()));
        }
        if (!implicit) {
            // replies on the plain connection are bounded (the guard steps aside once STARTTLS begins)
            props.put(p + "socketFactory", replyLimits(protocol).socketFactory());
        }
        // no second attempt without our factories (for implicit TLS, Angus would retry with the JVM's default TLS)
        props.put(p + "socketFactory.fallback", "false");
        if (implicit) {
            props.put(p + "ssl.enable", "true");
        } else if (startTls != StartTls.disabled) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", String.valueOf(startTls == StartTls.required));
        }
        props.put("mail.debug.auth", "false");
        Session session = Session.getInstance(props);
        if (cfg.getDebugLevel() > 0) {
            ProtocolTrace trace = new ProtocolTrace(protocol.replaceAll("s$", ""), cfg.getDebugLevel(), cfg.getHost() + ":" + port);
            session.setDebugOut(new PrintStream(new TraceLineStream(trace), true, StandardCharsets.UTF_8));
            session.setDebug(true);
        }
        return session;
    }

    /**
     * Closes every plain or TLS socket the session's connections opened and left open: Angus Mail does not close the
     * socket of a connect or folder open that fails on a hostile reply.
     */
    public static void closeSockets(Session session, String protocol) {
        closeSockets(session, protocol, null);
    }

    /** As {@link #closeSockets(Session, String)}, only the sockets the given thread opened (for shared sessions). */
    public static void closeSockets(Session session, String protocol, Thread owner) {
        if (session.getProperties().get("mail." + protocol + ".socketFactory") instanceof GuardedSocketFactory sockets) {
            sockets.closeOpenedBy(owner);
        }
        if (session.getProperties().get("mail." + protocol + ".ssl.socketFactory") instanceof GuardedSslSocketFactory sockets) {
            sockets.closeOpenedBy(owner);
        }
    }

    private static ReplyLimits replyLimits(String protocol) {
        return switch (protocol.endsWith("s") ? protocol.substring(0, protocol.length() - 1) : protocol) {
            case "pop3" -> ReplyLimits.POP3;
            case "imap" -> ReplyLimits.IMAP;
            default -> ReplyLimits.SMTP;
        };
    }

    /** Turns Jakarta Mail's debug output into trace lines, masked like every other trace. */
    private static final class TraceLineStream extends OutputStream {
        private final ProtocolTrace trace;
        private final StringBuilder line = new StringBuilder();

        TraceLineStream(ProtocolTrace trace) {
            this.trace = trace;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                flushLine();
            } else if (b != '\r' && line.length() < 4096) {
                line.append((char) (b & 0xff));
            }
        }

        private void flushLine() {
            if (line.length() > 0) {
                trace.line(line.toString());
                line.setLength(0);
            }
        }
    }
}
