package io.netproto.testkit.mail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail's IMAP(S) protocol handler behind a server with TCP_NODELAY, connection tracking and the test certificate.
 * GreenMail's own {@code ImapServer} is final, hence a sibling class serving the same {@link ImapHandler}.
 */
final class LoopbackImapServer extends AbstractServer {

    private final ClientConnections connections;

    LoopbackImapServer(ServerSetup setup, Managers managers, ClientConnections connections) {
        super(setup, managers);
        this.connections = connections;
        setClientSocketTimeout(TunedGreenMail.CLIENT_IDLE_TIMEOUT_MILLIS);
    }

    @Override
    protected ServerSocket openServerSocket() throws IOException {
        ServerSocket socket = ServerSockets.bind(setup.isSecure(), bindTo, setup.getPort());
        setup = setup.port(socket.getLocalPort());
        setName(setup.getProtocol() + ':' + setup.getBindAddress() + ':' + setup.getPort());
        return socket;
    }

    @Override
    protected void handleClientSocket(Socket clientSocket) throws SocketException {
        clientSocket.setTcpNoDelay(true);
        super.handleClientSocket(clientSocket);
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
        return connections.track(getProtocol(), clientSocket,
                new ImapHandler(managers.getUserManager(), managers.getImapHostManager(), clientSocket));
    }
}
