package io.netproto.testkit.mail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.ServerSetup;

/** GreenMail's SMTP(S) server with TCP_NODELAY, connection tracking, recorded commands and the test certificate. */
final class LoopbackSmtpServer extends SmtpServer {

    private final ClientConnections connections;
    private final SmtpCommands commands;

    LoopbackSmtpServer(ServerSetup setup, Managers managers, ClientConnections connections, SmtpCommands commands) {
        super(setup, managers);
        this.connections = connections;
        this.commands = commands;
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
                new SmtpHandler(commands, managers.getSmtpManager(), clientSocket));
    }
}
