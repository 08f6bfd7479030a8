package io.netproto.camel.support;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Locale;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default {@code plainTextPassword=loopback} against a server that is not on a loopback address: a recording
 * relay listens on a non-loopback IPv4 address of this machine (such as the address of eth0) in front of each
 * embedded server, so the endpoint connects to a remote-looking server. The default refuses before any credential
 * crosses the wire; {@code plainTextPassword=always} logs in. A machine without such an address fails the test with
 * a message saying so: the default would otherwise stay unproven against a real remote address.
 */
class PlainTextPasswordRemoteTest {

    private static final String PASSWORD = "R3mote-Pl41n";
    private static AllServers servers;
    private static InetAddress remote;

    private CamelContext context;
    private ProducerTemplate template;

    @BeforeAll
    static void startServers() throws SocketException {
        remote = nonLoopbackAddress();
        servers = new AllServers(PASSWORD);
    }

    @AfterAll
    static void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }

    @BeforeEach
    void startContext() {
        context = new DefaultCamelContext();
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp", "nntp", "pop3", "imap", "smtp" })
    void theDefaultRefusesAClearTextLoginToANonLoopbackServerBeforeAnyCredentialIsSent(String protocol) {
        try (TestRelay relay = TestRelay.plain(remote, "127.0.0.1", servers.plainPort(protocol))) {
            Exchange exchange = send(servers.plainUri(protocol, remote.getHostAddress(), relay.port(), PASSWORD, ""));

            assertThat(exchange.getException()).isInstanceOf(PlainTextPasswordException.class)
                    .hasMessageContaining(protocol.toUpperCase(Locale.ROOT) + " server " + remote.getHostAddress() + ":" + relay.port())
                    .hasMessageContaining("plainTextPassword=loopback").hasMessageContaining("set plainTextPassword=always")
                    .hasMessageNotContaining(PASSWORD);
            String wire = relay.received().toUpperCase(Locale.ROOT);
            assertThat(wire).as("what reached the server").doesNotContain("PASS", "AUTH ", "AUTHINFO", "LOGIN", "USER");
            assertThat(SecretScan.contains(relay.received(), AllServers.USER, PASSWORD)).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp", "nntp", "pop3", "imap", "smtp" })
    void alwaysLogsInOverClearTextToANonLoopbackServer(String protocol) {
        try (TestRelay relay = TestRelay.plain(remote, "127.0.0.1", servers.plainPort(protocol))) {
            // ftp: PWD, as a data connection would go to the PASV address, around the relay
            Exchange exchange = send(servers.plainUri(protocol, remote.getHostAddress(), relay.port(), PASSWORD,
                    "plainTextPassword=always").replace("operation=dir", "operation=pwd"));

            assertThat(exchange.getException()).isNull();
            assertThat(SecretScan.contains(relay.received(), AllServers.USER, PASSWORD)).as("password on the wire").isTrue();
            context.stop(); // pooled sessions quit through the relay before it closes
        }
    }

    private Exchange send(String uri) {
        return template.request(uri, e -> e.getIn().setBody("remote"));
    }

    /** An IPv4 address of an interface that is up and not loopback (nor link-local); fails clearly without one. */
    static InetAddress nonLoopbackAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    return address;
                }
            }
        }
        throw new IllegalStateException("This machine has no non-loopback IPv4 address on an interface that is up, so"
                                        + " plainTextPassword=loopback cannot be proven against a remote-looking server;"
                                        + " run the test on a machine with a network interface (CI machines have eth0)");
    }
}
