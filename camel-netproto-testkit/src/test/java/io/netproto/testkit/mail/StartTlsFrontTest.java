package io.netproto.testkit.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

import io.netproto.testkit.tls.TestTls;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartTlsFrontTest {

    private EmbeddedMailServer mail;
    private StartTlsFront front;

    @BeforeEach
    void startServer() {
        mail = EmbeddedMailServer.start().user("bob@example.org", "bob", "secret");
    }

    @AfterEach
    void stopServer() {
        if (front != null) {
            front.close();
        }
        mail.close();
    }

    @Test
    void smtpRefusesEverythingButEhloNoopAndStartTlsInClearThenRelaysOverTls() throws IOException {
        front = StartTlsFront.smtp(mail);
        assertThat(front.host()).isEqualTo("127.0.0.1");
        assertThat(front.port()).isPositive().isNotEqualTo(mail.smtpPort());

        try (Client client = new Client(front)) {
            assertThat(client.readLine()).startsWith("220 ");
            assertThat(client.smtp("EHLO client")).contains("250-STARTTLS").last().asString()
                    .startsWith("250 AUTH PLAIN");
            assertThat(client.command("NOOP")).startsWith("250 ");
            assertThat(client.command("AUTH PLAIN AGJvYgBzZWNyZXQ="))
                    .isEqualTo("530 Must issue a STARTTLS command first");
            assertThat(client.command("MAIL FROM:<alice@example.org>")).startsWith("530 ");
            assertThat(client.command("STARTTLS")).startsWith("220 ");
            client.upgrade(TestTls.clientContext());

            assertThat(client.smtp("EHLO client")).as("GreenMail's reply").noneMatch(line -> line.contains("STARTTLS"))
                    .anyMatch(line -> line.contains("AUTH"));
            assertThat(client.command("AUTH PLAIN AGJvYgBzZWNyZXQ=")).startsWith("235");
            assertThat(client.command("MAIL FROM:<alice@example.org>")).startsWith("250");
            assertThat(client.command("RCPT TO:<bob@example.org>")).startsWith("250");
            assertThat(client.command("DATA")).startsWith("354");
            assertThat(client.command("Subject: over STARTTLS\r\n\r\nsecret text\r\n.")).startsWith("250");
            assertThat(client.command("QUIT")).startsWith("221");
            assertThat(client.readLine()).isNull();
        }

        assertThat(front.clearTextCommands()).containsExactly("EHLO client", "NOOP", "AUTH PLAIN AGJvYgBzZWNyZXQ=",
                "MAIL FROM:<alice@example.org>", "STARTTLS");
        assertThat(front.upgrades()).isEqualTo(1);
        assertThat(mail.smtpCommands()).containsExactly("EHLO client", "AUTH PLAIN", "MAIL FROM:<alice@example.org>",
                "RCPT TO:<bob@example.org>", "DATA", "QUIT");
        assertThat(mail.greenMail().getReceivedMessages()).singleElement()
                .satisfies(message -> assertThat(message.getSubject()).isEqualTo("over STARTTLS"));
    }

    @Test
    void pop3RefusesUserAndPassInClearThenRelaysOverTls() throws Exception {
        MimeMessage waiting = new MimeMessage(Session.getInstance(new Properties()));
        waiting.setFrom("alice@example.org");
        waiting.setRecipients(Message.RecipientType.TO, "bob@example.org");
        waiting.setSubject("waiting");
        waiting.setText("hello");
        mail.deliver(waiting);
        front = StartTlsFront.pop3(mail);

        try (Client client = new Client(front)) {
            assertThat(client.readLine()).startsWith("+OK");
            assertThat(client.pop3("CAPA")).containsExactly("+OK Capability list follows", "USER", "UIDL", "TOP",
                    "STLS");
            assertThat(client.command("USER bob")).startsWith("-ERR");
            assertThat(client.command("PASS secret")).startsWith("-ERR");
            assertThat(client.command("STLS")).isEqualTo("+OK Begin TLS");
            client.upgrade(TestTls.clientContext());

            assertThat(client.pop3("CAPA")).as("GreenMail's reply").doesNotContain("STLS").contains("UIDL");
            assertThat(client.command("USER bob")).startsWith("+OK");
            assertThat(client.command("PASS secret")).startsWith("+OK");
            assertThat(client.command("STAT")).startsWith("+OK 1 ");
            assertThat(client.pop3("RETR 1")).contains("Subject: waiting");
            assertThat(client.command("QUIT")).startsWith("+OK");
            assertThat(client.readLine()).isNull();
        }

        assertThat(front.clearTextCommands()).containsExactly("CAPA", "USER bob", "PASS secret", "STLS");
        assertThat(front.upgrades()).isEqualTo(1);
    }

    @Test
    void quitBeforeTheUpgradeNeverReachesTheServer() throws IOException {
        front = StartTlsFront.smtp(mail);
        try (Client client = new Client(front)) {
            client.readLine();
            assertThat(client.command("HELO client")).startsWith("250 ");
            assertThat(client.command("QUIT")).startsWith("221 ");
            assertThat(client.readLine()).isNull();
        }
        assertThat(front.clearTextCommands()).containsExactly("HELO client", "QUIT");
        assertThat(front.upgrades()).isZero();
        assertThat(mail.smtpCommands()).isEmpty();
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateFailsTheHandshakeAndTheFrontKeepsServing() throws Exception {
        front = StartTlsFront.pop3(mail);
        try (Client client = new Client(front)) {
            client.readLine();
            assertThat(client.command("STLS")).startsWith("+OK");
            SSLContext jvmDefault = SSLContext.getInstance("TLS");
            jvmDefault.init(null, null, null);
            assertThatThrownBy(() -> client.upgrade(jvmDefault)).isInstanceOf(SSLException.class);
        }

        try (Client client = new Client(front)) {
            client.readLine();
            assertThat(client.command("STLS")).startsWith("+OK");
            client.upgrade(TestTls.clientContext());
            assertThat(client.command("USER bob")).startsWith("+OK");
            assertThat(client.command("PASS secret")).startsWith("+OK");
            assertThat(client.command("QUIT")).startsWith("+OK");
        }
        assertThat(front.upgrades()).isEqualTo(1);
    }

    @Test
    void closeEndsOpenConnectionsAndReleasesThePort() throws IOException {
        front = StartTlsFront.smtp(mail);
        int port = front.port();
        try (Client idle = new Client(front); Client relayed = new Client(front)) {
            idle.readLine();
            relayed.readLine();
            relayed.command("STARTTLS");
            relayed.upgrade(TestTls.clientContext());
            assertThat(relayed.smtp("EHLO client")).isNotEmpty();

            front.close();

            assertThat(idle.readLine()).isNull();
            assertThat(relayed.readLine()).isNull();
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    /** A line client that can upgrade its connection to TLS in the middle of the dialog. */
    private static final class Client implements AutoCloseable {
        private Socket socket;
        private BufferedReader in;
        private OutputStream out;

        Client(StartTlsFront front) throws IOException {
            socket = new Socket(front.host(), front.port());
            socket.setSoTimeout(30_000);
            streams();
        }

        void upgrade(SSLContext context) throws IOException {
            SSLSocket secure = (SSLSocket) context.getSocketFactory().createSocket(socket, "127.0.0.1",
                    socket.getPort(), true);
            socket = secure;
            secure.startHandshake();
            streams();
        }

        private void streams() throws IOException {
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            out = socket.getOutputStream();
        }

        String readLine() throws IOException {
            return in.readLine();
        }

        String command(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return in.readLine();
        }

        /** An SMTP command with a possibly multi-line reply. */
        List<String> smtp(String command) throws IOException {
            List<String> lines = new ArrayList<>();
            String line = command(command);
            while (line != null) {
                lines.add(line);
                line = line.length() > 3 && line.charAt(3) == '-' ? in.readLine() : null;
            }
            return lines;
        }

        /** A POP3 command with a multi-line reply, without the final dot. */
        List<String> pop3(String command) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String line = command(command); line != null && !line.equals("."); line = in.readLine()) {
                lines.add(line);
            }
            return lines;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
