package io.netproto.camel.pop3;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;

import javax.net.ssl.SSLException;

import io.netproto.camel.mail.MailSessions.StartTls;
import io.netproto.camel.support.ConnectionFailedException;
import io.netproto.camel.support.NetprotoException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.StoreClosedException;

/** Turns Jakarta Mail's exceptions into the netproto family, with messages that say what went wrong where. */
final class Pop3Failures {

    private static final String COMMAND_FAILED = "command failed: ";

    private Pop3Failures() {
    }

    /** A failed connect and login. */
    static RuntimeException login(String server, String user, StartTls startTls, boolean secure, Exception e) {
        SSLException tls = find(e, SSLException.class);
        if (tls != null) {
            return tlsFailure(server, tls);
        }
        if (e instanceof AuthenticationFailedException) {
            String text = serverText(e.getMessage());
            if (startTlsUnavailable(e)) {
                return new NetprotoException("STARTTLS is required (startTls=" + startTls + ") but the POP3 server " + server
                                             + " does not offer it or the upgrade failed (" + text
                                             + "): the login was not attempted, no credential was sent", e);
            }
            return new Pop3AuthenticationException(user, server, text);
        }
        if (find(e, IOException.class) != null) {
            return new ConnectionFailedException("Cannot connect to the POP3 server " + server + (secure ? " (TLS)" : "")
                                                 + ": " + describe(e), e);
        }
        if (e instanceof NetprotoException netproto) {
            return netproto;
        }
        return new NetprotoException("Cannot log in to the POP3 server " + server + ": " + describe(e), e);
    }

    /** Whether a login failed because STLS was required and the server did not offer it (or the upgrade failed). */
    static boolean startTlsUnavailable(Exception e) {
        return e instanceof AuthenticationFailedException && serverText(e.getMessage()).contains("STLS");
    }

    /** A command that failed in a logged-in session. */
    static RuntimeException command(String server, String command, Exception e) {
        if (e instanceof NetprotoException netproto) {
            return netproto;
        }
        if (e instanceof IllegalArgumentException invalid && !(e instanceof NumberFormatException)) {
            return invalid; // an argument the endpoint refused before anything was sent
        }
        SSLException tls = find(e, SSLException.class);
        if (tls != null) {
            return tlsFailure(server, tls);
        }
        if (e instanceof FolderClosedException || e instanceof StoreClosedException || isConnectionLoss(e)) {
            return new ConnectionFailedException("Connection to the POP3 server " + server + " lost during " + command
                                                 + ": " + describe(e), e);
        }
        IOException io = find(e, IOException.class);
        if (io != null && io.getMessage() != null && io.getMessage().contains(COMMAND_FAILED)) {
            String text = io.getMessage().substring(io.getMessage().indexOf(COMMAND_FAILED) + COMMAND_FAILED.length());
            return new Pop3ReplyException(command, serverText(text));
        }
        if (e instanceof MessageRemovedException) {
            return new Pop3ReplyException(command, "the server did not return the message (" + e.getMessage() + ")");
        }
        return new NetprotoException("POP3 " + command + " failed on " + server + ": " + describe(e), e);
    }

    private static RuntimeException tlsFailure(String server, SSLException tls) {
        return new ConnectionFailedException("TLS handshake with the POP3 server " + server + " failed (" + tls.getMessage()
                                             + "): the server certificate must be trusted by sslContextParameters (or the"
                                             + " JVM trust store) and, unless verifyHostname=false, name the host",
                tls);
    }

    private static boolean isConnectionLoss(Throwable e) {
        return find(e, EOFException.class) != null || find(e, SocketException.class) != null
               || find(e, InterruptedIOException.class) != null;
    }

    /** The text of an -ERR reply without the status indicator. */
    private static String serverText(String message) {
        if (message == null) {
            return "";
        }
        String text = message.strip();
        return text.startsWith("-ERR") ? text.substring(4).strip() : text;
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable cause = e.getCause();
        while (cause != null && cause != e) {
            sb.append(": ").append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                sb.append(' ').append(cause.getMessage());
            }
            e = cause;
            cause = cause.getCause();
        }
        return sb.toString();
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 10; depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return null;
    }
}
