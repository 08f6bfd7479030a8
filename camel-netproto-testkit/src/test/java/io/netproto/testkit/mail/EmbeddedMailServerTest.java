package io.netproto.testkit.mail;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.netproto.testkit.mail.MailClients.LineClient;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.netproto.testkit.mail.MailClients.await;
import static io.netproto.testkit.mail.MailClients.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedMailServerTest {

    private EmbeddedMailServer server;

    @BeforeEach
    void startServer() {
        server = EmbeddedMailServer.start().user("bob@example.org", "bob", "secret");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void listensOnLoopbackOnSixDistinctFreePorts() {
        assertThat(server.host()).isEqualTo("127.0.0.1");
        Set<Integer> ports = Stream.of(server.smtpPort(), server.smtpsPort(), server.pop3Port(), server.pop3sPort(),
                server.imapPort(), server.imapsPort()).collect(Collectors.toSet());
        assertThat(ports).hasSize(6).allMatch(port -> port > 0);
    }

    @Test
    void describesItselfRunningAndStopped() {
        assertThat(server).hasToString("EmbeddedMailServer[127.0.0.1, smtp=" + server.smtpPort() + ", smtps="
                                       + server.smtpsPort() + ", pop3=" + server.pop3Port() + ", pop3s="
                                       + server.pop3sPort() + ", imap=" + server.imapPort() + ", imaps="
                                       + server.imapsPort() + "]");
        server.close();
        assertThat(server).hasToString("EmbeddedMailServer[127.0.0.1, stopped]");
    }

    @Test
    void mailSentOverSmtpIsReadableOverPop3AndImap() throws Exception {
        send(session(server, "smtp", server.smtpPort()), "smtp", "over plain smtp");

        assertThat(server.greenMail().getReceivedMessages()).singleElement()
                .extracting(this::subject).isEqualTo("over plain smtp");
        assertThat(readSubjects("pop3", server.pop3Port())).containsExactly("over plain smtp");
        assertThat(readSubjects("imap", server.imapPort())).containsExactly("over plain smtp");
    }

    @Test
    void tlsPortsPresentTheTestCertificate() throws Exception {
        send(session(server, "smtps", server.smtpsPort()), "smtps", "over smtps");

        assertThat(readSubjects("pop3s", server.pop3sPort())).containsExactly("over smtps");
        assertThat(readSubjects("imaps", server.imapsPort())).containsExactly("over smtps");
    }

    @ParameterizedTest
    @ValueSource(strings = { "smtp", "smtps", "pop3", "pop3s", "imap", "imaps" })
    void acceptedSocketsHaveTcpNoDelay(String protocol) throws IOException {
        try (LineClient client = new LineClient(server.host(), port(protocol), protocol.endsWith("s"))) {
            assertThat(client.greeting()).isNotNull();
            List<Socket> sockets = server.serverSideSockets(protocol);
            assertThat(sockets).hasSize(1);
            assertThat(sockets.get(0).getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void connectionCountFollowsOpenClients() throws IOException {
        assertThat(server.connectionCount("smtp")).isZero();
        assertThat(server.acceptedConnections("smtp")).isZero();
        try (LineClient first = new LineClient(server.host(), server.smtpPort(), false);
             LineClient second = new LineClient(server.host(), server.smtpPort(), false);
             LineClient pop = new LineClient(server.host(), server.pop3Port(), false)) {
            assertThat(server.connectionCount("smtp")).isEqualTo(2);
            assertThat(server.connectionCount("pop3")).isEqualTo(1);
            assertThat(server.connectionCount("imap")).isZero();

            assertThat(first.command("QUIT")).startsWith("221");
            await(() -> server.connectionCount("smtp") == 1, "the server to see the QUIT");
            assertThat(second.command("NOOP")).startsWith("250");
            assertThat(pop.greeting()).startsWith("+OK");
        }
        await(() -> server.connectionCount("smtp") == 0 && server.connectionCount("pop3") == 0,
                "the server to see the disconnects");
        assertThat(server.acceptedConnections("smtp")).isEqualTo(2);
        assertThat(server.acceptedConnections("pop3")).isEqualTo(1);
        assertThat(server.acceptedConnections("imap")).isZero();
    }

    @Test
    void closeAllConnectionsDropsClientsAndKeepsServing() throws IOException {
        try (LineClient smtp = new LineClient(server.host(), server.smtpPort(), false);
             LineClient imaps = new LineClient(server.host(), server.imapsPort(), true)) {
            assertThat(imaps.greeting()).startsWith("* OK");
            server.closeAllConnections();

            assertThat(server.connectionCount("smtp")).isZero();
            assertThat(server.connectionCount("imaps")).isZero();
            assertThat(smtp.readLine()).isNull();
        }
        try (LineClient again = new LineClient(server.host(), server.smtpPort(), false)) {
            assertThat(again.greeting()).startsWith("220");
            assertThat(server.connectionCount("smtp")).isEqualTo(1);
        }
    }

    @Test
    void deliverStoresInEveryRecipientsInboxWithoutSmtp() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom("alice@example.org");
        message.setRecipients(Message.RecipientType.TO, "bob@example.org");
        message.setRecipients(Message.RecipientType.CC, "carol@example.org");
        message.setSubject("delivered directly");
        message.setText("hello");

        server.deliver(message);

        assertThat(server.connectionCount("smtp")).isZero();
        assertThat(readSubjects("pop3", server.pop3Port())).containsExactly("delivered directly");
        assertThat(server.greenMail().getUserManager().getUserByEmail("carol@example.org")).isNotNull();
        assertThat(server.greenMail().getReceivedMessages()).hasSize(2);
    }

    @Test
    void deliverRefusesAMessageWithoutRecipients() throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setText("nobody");
        assertThatThrownBy(() -> server.deliver(message)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no recipient");
    }

    @Test
    void wrongPasswordIsRefused() {
        Session session = session(server, "pop3", server.pop3Port());
        assertThatThrownBy(() -> {
            try (Store store = session.getStore("pop3")) {
                store.connect("bob", "wrong");
            }
        }).isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void advertisedExtensionsReachTheClientAndCommandsAreRecordedWithoutCredentials() throws Exception {
        server.advertiseSmtpExtensions("DSN", "SIZE 10485760");
        Properties props = new Properties();
        Session base = session(server, "smtp", server.smtpPort());
        props.putAll(base.getProperties());
        props.setProperty("mail.smtp.auth", "true");
        props.setProperty("mail.smtp.dsn.ret", "HDRS");
        props.setProperty("mail.smtp.dsn.notify", "SUCCESS,FAILURE");
        Session session = Session.getInstance(props);

        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("bob", "secret");
            MimeMessage message = message(session, "with dsn");
            transport.sendMessage(message, message.getAllRecipients());
        }

        List<String> commands = server.smtpCommands();
        assertThat(commands).contains("MAIL FROM:<alice@example.org> RET=HDRS",
                "RCPT TO:<bob@example.org> NOTIFY=SUCCESS,FAILURE", "DATA");
        assertThat(commands).anyMatch(line -> line.startsWith("EHLO "));
        assertThat(commands).filteredOn(line -> line.startsWith("AUTH")).singleElement()
                .satisfies(line -> assertThat(line).matches("AUTH [A-Z0-9]+"));
        assertThat(String.join("\n", commands)).doesNotContain("secret");

        server.clearSmtpCommands();
        assertThat(server.smtpCommands()).isEmpty();
    }

    @Test
    void refusedRecipientsGetTheChosenReply() throws Exception {
        server.refuseRecipient("Nobody@example.org", "550 5.1.1 No such user");
        Session session = session(server, "smtp", server.smtpPort());
        MimeMessage message = message(session, "partly refused");
        message.addRecipients(Message.RecipientType.TO, "nobody@example.org");

        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            assertThatThrownBy(() -> transport.sendMessage(message, message.getAllRecipients()))
                    .isInstanceOfSatisfying(SendFailedException.class, e -> assertThat(e.getInvalidAddresses())
                            .extracting(Object::toString).containsExactly("nobody@example.org"))
                    .hasStackTraceContaining("550 5.1.1 No such user");
        }
        assertThat(server.greenMail().getReceivedMessages()).isEmpty();
    }

    @Test
    void greenMailImapServerAccessorExplainsTheAlternative() {
        assertThatThrownBy(() -> server.greenMail().getImap())
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("imapPort()");
    }

    private int port(String protocol) {
        return switch (protocol) {
            case "smtp" -> server.smtpPort();
            case "smtps" -> server.smtpsPort();
            case "pop3" -> server.pop3Port();
            case "pop3s" -> server.pop3sPort();
            case "imap" -> server.imapPort();
            case "imaps" -> server.imapsPort();
            default -> throw new IllegalArgumentException(protocol);
        };
    }

    private static MimeMessage message(Session session, String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("alice@example.org"));
        message.setRecipients(Message.RecipientType.TO, "bob@example.org");
        message.setSubject(subject);
        message.setText("body of " + subject);
        return message;
    }

    private static void send(Session session, String protocol, String subject) throws MessagingException {
        try (Transport transport = session.getTransport(protocol)) {
            transport.connect();
            MimeMessage message = message(session, subject);
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    private List<String> readSubjects(String protocol, int port) throws MessagingException {
        try (Store store = session(server, protocol, port).getStore(protocol)) {
            store.connect("bob", "secret");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return Stream.of(inbox.getMessages()).map(this::subject).toList();
            } finally {
                inbox.close(false);
            }
        }
    }

    private String subject(Message message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
