package io.netproto.testkit.nntp;

import javax.net.ssl.SSLContext;

import io.netproto.testkit.tls.TestTls;

/** The server-side TLS context with the test certificate, created on first use and shared by all servers. */
final class ServerTls {

    private ServerTls() {
    }

    static SSLContext context() {
        return Holder.CONTEXT;
    }

    private static final class Holder {
        static final SSLContext CONTEXT = TestTls.serverContext();

        private Holder() {
        }
    }
}
