package io.netproto.testkit.fault;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class FaultProxyTest {

    private static final int PAYLOAD = 200_000;

    private PayloadServer target;
    private FaultProxy proxy;

    @BeforeEach
    void start() throws IOException {
        byte[] payload = new byte[PAYLOAD];
        Arrays.fill(payload, (byte) 'x');
        target = new PayloadServer(payload);
        proxy = FaultProxy.to("127.0.0.1", target.port());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        target.close();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(proxy.host(), proxy.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    /** Reads until end of stream; a reset or timeout propagates. */
    private static byte[] readAll(Socket socket) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        socket.getInputStream().transferTo(out);
        return out.toByteArray();
    }

    @Test
    void forwardsEveryByteWithoutAFault() throws IOException {
        try (Socket socket = connect()) {
            socket.shutdownOutput();
            assertThat(readAll(socket)).hasSize(PAYLOAD);
        }
        assertThat(proxy.connectionCount()).isEqualTo(1);
        assertThat(proxy.faultsInjected()).isZero();
    }

    @Test
    void dropClosesTheConnectionAfterExactlyTheGivenReplyBytes() throws IOException {
        proxy.faults(FaultSource.always(Fault.dropAfterBytes(Direction.SERVER_TO_CLIENT, 12_345)));
        try (Socket socket = connect()) {
            assertThat(readAll(socket)).hasSize(12_345);
        }
        assertThat(proxy.faultsInjected(Fault.Kind.DROP)).isEqualTo(1);
    }

    @Test
    void dropOfRequestsLetsOnlyTheGivenBytesThrough() throws IOException {
        proxy.faults(FaultSource.always(Fault.dropAfterBytes(Direction.CLIENT_TO_SERVER, 1_000)));
        try (Socket socket = connect()) {
            socket.getOutputStream().write(new byte[600]);
            socket.getOutputStream().write(new byte[600]);
            readAll(socket);
        } catch (SocketException e) {
            // the proxy may reset the rest of our request
        }
        await().atMost(5, TimeUnit.SECONDS).until(() -> target.received() == 1_000);
        assertThat(proxy.faultsInjected()).isEqualTo(1);
    }

    @Test
    void resetAbortsTheTransferWithAConnectionReset() throws IOException {
        proxy.faults(FaultSource.always(Fault.resetAfterBytes(Direction.SERVER_TO_CLIENT, 50_000)));
        try (Socket socket = connect()) {
            InputStream in = socket.getInputStream();
            assertThatThrownBy(() -> in.transferTo(OutputStreamSink.INSTANCE))
                    .isInstanceOf(SocketException.class).hasMessageContaining("reset");
        }
        assertThat(proxy.faultsInjected(Fault.Kind.RESET)).isEqualTo(1);
    }

    @Test
    void stallStopsAnsweringUntilTheClientTimesOut() throws IOException {
        proxy.faults(FaultSource.always(Fault.stallAfterBytes(Direction.SERVER_TO_CLIENT, 100)));
        try (Socket socket = connect()) {
            socket.setSoTimeout(300);
            byte[] first = socket.getInputStream().readNBytes(100);
            assertThat(first).hasSize(100);
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
        }
        await().atMost(5, TimeUnit.SECONDS).until(() -> proxy.openConnections() == 0);
        assertThat(proxy.faultsInjected(Fault.Kind.STALL)).isEqualTo(1);
    }

    @Test
    void cutReplyForwardsOnlyPartOfTheChunkAtTheOffset() throws IOException {
        proxy.faults(FaultSource.always(Fault.cutReply(10)));
        try (Socket socket = connect()) {
            byte[] received = readAll(socket);
            assertThat(received.length).isGreaterThanOrEqualTo(10).isLessThan(PAYLOAD);
        }
        assertThat(proxy.faultsInjected(Fault.Kind.CUT_REPLY)).isEqualTo(1);
    }

    @Test
    void delayHoldsChunksButLosesNothing() throws IOException {
        proxy.faults(FaultSource.always(Fault.delay(Direction.SERVER_TO_CLIENT, 20)));
        try (Socket socket = connect()) {
            socket.shutdownOutput();
            assertThat(readAll(socket)).hasSize(PAYLOAD);
        }
        assertThat(proxy.faultsInjected(Fault.Kind.DELAY)).isEqualTo(1);
    }

    @Test
    void refusedConnectionsAreResetUntilServedAgain() throws IOException {
        proxy.refuseConnections(true);
        try (Socket socket = connect()) {
            assertThatThrownBy(() -> readAll(socket)).isInstanceOf(SocketException.class);
        }
        assertThat(proxy.refusedCount()).isEqualTo(1);
        proxy.refuseConnections(false);
        try (Socket socket = connect()) {
            socket.shutdownOutput();
            assertThat(readAll(socket)).hasSize(PAYLOAD);
        }
        assertThat(proxy.connectionCount()).isEqualTo(1);
    }

    @Test
    void closeAllResetsOpenConnections() throws IOException {
        try (Socket socket = connect()) {
            assertThat(socket.getInputStream().readNBytes(10)).hasSize(10);
            await().atMost(5, TimeUnit.SECONDS).until(() -> proxy.openConnections() == 1);
            proxy.closeAll();
            assertThatThrownBy(() -> socket.getInputStream().transferTo(OutputStreamSink.INSTANCE))
                    .isInstanceOf(SocketException.class);
        }
        assertThat(proxy.openConnections()).isZero();
    }

    @Test
    void seededFaultsAreReproducible() {
        List<Fault> first = draw(new SeededFaults(42, 0.5, 1_000, 1_000, 10, Fault.Kind.DROP, Fault.Kind.RESET,
                Fault.Kind.STALL, Fault.Kind.CUT_REPLY));
        List<Fault> second = draw(new SeededFaults(42, 0.5, 1_000, 1_000, 10, Fault.Kind.DROP, Fault.Kind.RESET,
                Fault.Kind.STALL, Fault.Kind.CUT_REPLY));
        List<Fault> other = draw(new SeededFaults(7, 0.5, 1_000, 1_000, 10, Fault.Kind.DROP, Fault.Kind.RESET,
                Fault.Kind.STALL, Fault.Kind.CUT_REPLY));
        assertThat(first).isEqualTo(second).isNotEqualTo(other);
        assertThat(first).filteredOn(Fault::breaksConnection).hasSizeBetween(30, 70)
                .allSatisfy(fault -> assertThat(fault.afterBytes()).isBetween(0L, 999L));
    }

    private static List<Fault> draw(FaultSource source) {
        List<Fault> faults = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            faults.add(source.next(i));
        }
        return faults;
    }

    /** Discards what it is given. */
    private static final class OutputStreamSink extends OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
            // discard
        }

        @Override
        public void write(byte[] b, int off, int len) {
            // discard
        }
    }
}
