package io.netproto.testkit.mail;

import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapServer;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A {@link GreenMail} whose servers set TCP_NODELAY on accepted sockets, track their client connections and present
 * the test kit's certificate. {@link #getImap()} and {@link #getImaps()} are not available: GreenMail's
 * {@link ImapServer} is final, the IMAP servers here are {@link LoopbackImapServer}s.
 */
final class TunedGreenMail extends GreenMail {

    /** Idle client connections are closed by the server after this long (GreenMail's default is 30 s). */
    static final int CLIENT_IDLE_TIMEOUT_MILLIS = 300_000;

    private final ClientConnections connections;
    private final SmtpCommands smtpCommands;

    TunedGreenMail(ServerSetup[] setups, ClientConnections connections, SmtpCommands smtpCommands) {
        super(setups);
        this.connections = connections;
        this.smtpCommands = smtpCommands;
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
        Map<String, AbstractServer> servers = new HashMap<>();
        if (connections == null) {
            // called once from GreenMail's constructor, before this class's fields are set; start() creates the
            // servers again, with them
            return servers;
        }
        for (ServerSetup setup : setups) {
            String protocol = setup.getProtocol();
            AbstractServer server;
            if (protocol.startsWith(ServerSetup.PROTOCOL_SMTP)) {
                server = new LoopbackSmtpServer(setup, managers, connections, smtpCommands);
            } else if (protocol.startsWith(ServerSetup.PROTOCOL_POP3)) {
                server = new LoopbackPop3Server(setup, managers, connections);
            } else if (protocol.startsWith(ServerSetup.PROTOCOL_IMAP)) {
                server = new LoopbackImapServer(setup, managers, connections);
            } else {
                throw new IllegalArgumentException("Unknown mail protocol " + protocol);
            }
            if (servers.put(protocol, server) != null) {
                throw new IllegalArgumentException("Protocol " + protocol + " set up twice");
            }
        }
        return servers;
    }

    /**
     * The bound port of a running server.
     *
     * @param  protocol one of {@link ServerSetup#PROTOCOLS}
     * @return          the port
     */
    synchronized int port(String protocol) {
        AbstractServer server = services.get(protocol);
        if (server == null) {
            throw new IllegalStateException("No running " + protocol + " server");
        }
        return server.getPort();
    }

    /**
     * Not available, see the class comment.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public ImapServer getImap() {
        throw imapUnsupported();
    }

    /**
     * Not available, see the class comment.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public ImapServer getImaps() {
        throw imapUnsupported();
    }

    private static UnsupportedOperationException imapUnsupported() {
        return new UnsupportedOperationException("The test kit's IMAP servers are not GreenMail ImapServer instances"
                + " (that class is final): connect to EmbeddedMailServer.host() and imapPort()/imapsPort() instead");
    }
}
