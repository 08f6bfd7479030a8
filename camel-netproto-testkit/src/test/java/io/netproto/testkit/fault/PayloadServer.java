package io.netproto.testkit.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/** A target for proxy tests: writes a fixed payload to every connection, then counts what the client sends until it closes. */
final class PayloadServer implements AutoCloseable {

    private final ServerSocket listener;
    private final byte[] payload;
    private final AtomicLong received = new AtomicLong();

    PayloadServer(byte[] payload) throws IOException {
        this.payload = payload;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "payload-server");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** @return the bytes received from all clients so far */
    long received() {
        return received.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                Thread handler = new Thread(() -> serve(socket), "payload-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        Thread writer = new Thread(() -> {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(payload);
                out.flush();
            } catch (IOException e) {
                // the client or the proxy went away
            }
        }, "payload-writer");
        writer.setDaemon(true);
        writer.start();
        try (socket; InputStream in = socket.getInputStream()) {
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received.addAndGet(n);
            }
            writer.join();
        } catch (IOException e) {
            // the client or the proxy went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
