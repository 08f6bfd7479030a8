package io.netproto.camel.imap;

import java.io.IOException;

import javax.net.ssl.SSLException;

import io.netproto.camel.support.ConnectionFailedException;
import io.netproto.camel.support.NetprotoException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderClosedException;
import jakarta.mail.StoreClosedException;
import org.eclipse.angus.mail.iap.BadCommandException;
import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;

/** Turns Jakarta Mail's and Angus' exceptions into the netproto family, saying what went wrong where. */
final class ImapFailures {

    private ImapFailures() {
    }

    /** A failed connect and login. */
    static RuntimeException login(String server, String user, boolean secure, Exception e) {
        SSLException tls = find(e, SSLException.class);
        if (tls != null) {
            return new ConnectionFailedException("TLS handshake with the IMAP server " + server + " failed (" + tls.getMessage()
                                                 + "): the server certificate must be trusted by sslContextParameters (or"
                                                 + " the JVM trust store) and, unless verifyHostname=false, name the host",
                    tls);
        }
        if (e instanceof AuthenticationFailedException) {
            return new ImapReplyException("LOGIN as " + user + " on " + server, "NO", String.valueOf(e.getMessage()));
        }
        if (find(e, IOException.class) != null) {
            return new ConnectionFailedException("Cannot connect to the IMAP server " + server + (secure ? " (TLS)" : "")
                                                 + ": " + e.getMessage(), e);
        }
        if (e instanceof NetprotoException netproto) {
            return netproto;
        }
        if (e instanceof RuntimeException) {
            return unparseable(server, "login", e);
        }
        return new NetprotoException("Cannot log in to the IMAP server " + server + ": " + e.getMessage(), e);
    }

    /** A command that failed in a logged-in session. */
    static RuntimeException command(String server, String command, Exception e) {
        if (e instanceof NetprotoException netproto) {
            return netproto;
        }
        if (e instanceof IllegalArgumentException invalid && !(e instanceof NumberFormatException)) {
            return invalid; // an argument the endpoint refused before anything was sent
        }
        if (e instanceof FolderClosedException || e instanceof StoreClosedException || find(e, ConnectionException.class) != null
                || find(e, IOException.class) != null) {
            return new ConnectionFailedException("Connection to the IMAP server " + server + " lost during " + command + ": "
                                                 + e.getMessage(), e);
        }
        BadCommandException bad = find(e, BadCommandException.class);
        if (bad != null) {
            return new ImapReplyException(command, "BAD", text(bad));
        }
        CommandFailedException no = find(e, CommandFailedException.class);
        if (no != null) {
            return new ImapReplyException(command, "NO", text(no));
        }
        if (e instanceof RuntimeException) {
            return unparseable(server, command, e);
        }
        return new NetprotoException("IMAP " + command + " failed on " + server + ": " + e.getMessage(), e);
    }

    /** Angus Mail failed on a reply it could not parse (a malformed or hostile server): the session is unusable. */
    private static NetprotoException unparseable(String server, String command, Exception e) {
        return new NetprotoException("The IMAP server " + server + " sent a reply that cannot be parsed during " + command + " ("
                                     + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }

    private static String text(ProtocolException e) {
        Response response = e.getResponse();
        String rest = response != null ? response.getRest() : null;
        return rest != null && !rest.isBlank() ? rest : String.valueOf(e.getMessage());
    }

    static <T extends Throwable> T find(Throwable e, Class<T> type) {
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
