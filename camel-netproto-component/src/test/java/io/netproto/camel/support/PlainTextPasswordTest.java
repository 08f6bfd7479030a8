package io.netproto.camel.support;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The policy decision of the plainTextPassword option, without sockets. */
class PlainTextPasswordTest {

    private static final InetAddress REMOTE = address(192, 0, 2, 10); // TEST-NET-1, never resolved
    private static final InetAddress LOOPBACK = address(127, 0, 0, 1);

    @Test
    void loopbackAllowsClearTextOnlyToALoopbackAddress() {
        assertThat(PlainTextPassword.loopback.allows(false, LOOPBACK)).isTrue();
        assertThat(PlainTextPassword.loopback.allows(false, address(127, 9, 9, 9))).isTrue();
        assertThat(PlainTextPassword.loopback.allows(false, REMOTE)).isFalse();
        assertThat(PlainTextPassword.loopback.allows(false, null)).isFalse();
        assertThat(PlainTextPassword.loopback.allows(true, REMOTE)).isTrue();
    }

    @Test
    void neverAllowsOnlyEncryptedConnections() {
        assertThat(PlainTextPassword.never.allows(false, LOOPBACK)).isFalse();
        assertThat(PlainTextPassword.never.allows(false, REMOTE)).isFalse();
        assertThat(PlainTextPassword.never.allows(true, REMOTE)).isTrue();
    }

    @Test
    void alwaysAllowsEverything() {
        assertThat(PlainTextPassword.always.allows(false, REMOTE)).isTrue();
        assertThat(PlainTextPassword.always.allows(false, null)).isTrue();
    }

    @Test
    void theDefaultIsLoopback() {
        assertThat(configuration("127.0.0.1").getPlainTextPassword()).isEqualTo(PlainTextPassword.loopback);
    }

    @Test
    void aRemoteServerIsRefusedOverClearTextWithAMessageNamingTheFix() {
        Settings remote = configuration("192.0.2.10");
        assertThatThrownBy(() -> PlainTextPasswords.check(remote, "POP3", "192.0.2.10:110", false, REMOTE))
                .isInstanceOf(PlainTextPasswordException.class)
                .hasMessage("Refused to send the password to the POP3 server 192.0.2.10:110 over a connection that is not"
                            + " encrypted by TLS (option plainTextPassword=loopback, which allows it only to a loopback"
                            + " address): nothing of the credentials was sent. Use TLS (the secure scheme or STARTTLS) or"
                            + " set plainTextPassword=always");
        PlainTextPasswords.check(remote, "POP3", "192.0.2.10:995", true, REMOTE);
    }

    @Test
    void withoutAPasswordNothingIsRefused() {
        Settings anonymous = configuration("192.0.2.10");
        anonymous.setPassword(null);
        PlainTextPasswords.check(anonymous, "FTP", "192.0.2.10:21", false, REMOTE);
        assertThat(PlainTextPasswords.requireTls(anonymous)).isFalse();
    }

    @Test
    void clientsWithoutASocketHookDecideOnTheResolvedAddresses() {
        assertThat(PlainTextPasswords.requireTls(configuration("192.0.2.10"))).isTrue();
        assertThat(PlainTextPasswords.requireTls(configuration("127.0.0.1"))).isFalse();
        Settings never = configuration("127.0.0.1");
        never.setPlainTextPassword(PlainTextPassword.never);
        assertThat(PlainTextPasswords.requireTls(never)).isTrue();
        Settings always = configuration("192.0.2.10");
        always.setPlainTextPassword(PlainTextPassword.always);
        assertThat(PlainTextPasswords.requireTls(always)).isFalse();
        assertThatThrownBy(() -> PlainTextPasswords.checkResolved(configuration("192.0.2.10"), "SMTP", "x:25", false))
                .isInstanceOf(PlainTextPasswordException.class).hasMessageContaining("SMTP server x:25");
    }

    private static Settings configuration(String host) {
        Settings settings = new Settings();
        settings.setHost(host);
        settings.setUsername("alice");
        settings.setPassword("secret");
        return settings;
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] { (byte) a, (byte) b, (byte) c, (byte) d });
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shared settings alone. */
    private static final class Settings extends NetConfiguration {
    }
}
