package io.netproto.testkit.ftp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RotatingPassivePortsTest {

    private static final int LAST_PORT = RotatingPassivePorts.FIRST_PORT + RotatingPassivePorts.PORT_COUNT - 1;

    private final RotatingPassivePorts ports = new RotatingPassivePorts(
            new DataConnectionConfigurationFactory().createDataConnectionConfiguration(), "127.0.0.1");

    @Test
    void handsOutTheRangeInTurn() {
        int first = ports.requestPassivePort();
        int second = ports.requestPassivePort();

        assertThat(first).isBetween(RotatingPassivePorts.FIRST_PORT, LAST_PORT);
        assertThat(second).isBetween(RotatingPassivePorts.FIRST_PORT, LAST_PORT).isNotEqualTo(first);
        assertThat(ports.getPassivePorts()).isEqualTo(RotatingPassivePorts.FIRST_PORT + "-" + LAST_PORT);
    }

    @Test
    void skipsAPortThatIsListenedOn() throws IOException {
        int before = ports.requestPassivePort();
        int taken = before == LAST_PORT ? RotatingPassivePorts.FIRST_PORT : before + 1;
        try (ServerSocket occupant = new ServerSocket()) {
            occupant.bind(new InetSocketAddress("127.0.0.1", taken));

            int next = ports.requestPassivePort();

            assertThat(next).isNotEqualTo(taken).isBetween(RotatingPassivePorts.FIRST_PORT, LAST_PORT);
        }
    }

    @Test
    void aPortIsHandedOutAgainWhileItsLastConnectionIsInTimeWait() throws IOException {
        int port = ports.requestPassivePort();
        try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"));
             Socket client = new Socket("127.0.0.1", port)) {
            Socket accepted = server.accept();
            accepted.close(); // the server side closes first, as after a RETR: its end enters TIME_WAIT
            assertThat(client.getInputStream().read()).isEqualTo(-1);
        }

        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }
}
