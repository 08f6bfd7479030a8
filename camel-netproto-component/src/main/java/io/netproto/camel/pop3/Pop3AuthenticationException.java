package io.netproto.camel.pop3;

/**
 * The POP3 server refused the login: wrong user name or password, a locked account, or a mailbox in use by another
 * session ({@code [IN-USE]}, then {@link #isTransient()} is true).
 */
public class Pop3AuthenticationException extends Pop3ReplyException {

    private static final long serialVersionUID = 1L;

    private final String server;

    public Pop3AuthenticationException(String user, String server, String serverText) {
        super("login as " + user, serverText);
        this.server = server;
    }

    @Override
    public String getMessage() {
        return "POP3 authentication failed: " + server + " refused " + getCommand()
               + " (check the username and password options): -ERR " + getReplyText();
    }
}
