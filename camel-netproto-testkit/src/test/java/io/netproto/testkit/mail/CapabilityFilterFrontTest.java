package io.netproto.testkit.mail;

import java.io.IOException;

import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CapabilityFilterFrontTest {

    private EmbeddedMailServer mail;
    private CapabilityFilterFront front;

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
    void removesTheHiddenCapabilityFromCapabilityResponsesAndResponseCodes() {
        front = CapabilityFilterFront.imapWithout(mail, "idle");
        assertThat(front.filter("* CAPABILITY IMAP4rev1 IDLE UIDPLUS\r\n")).isEqualTo("* CAPABILITY IMAP4rev1 UIDPLUS\r\n");
        assertThat(front.filter("* capability IDLE\r\n")).isEqualTo("* CAPABILITY\r\n");
        assertThat(front.filter("* OK [CAPABILITY IMAP4rev1 IDLE LITERAL+] ready\r\n"))
                .isEqualTo("* OK [CAPABILITY IMAP4rev1 LITERAL+] ready\r\n");
        assertThat(front.filter("A1 OK [CAPABILITY IDLE MOVE] LOGIN completed\r\n"))
                .isEqualTo("A1 OK [CAPABILITY MOVE] LOGIN completed\r\n");
        assertThat(front.filter("* 3 FETCH (FLAGS (IDLE))\r\n")).isEqualTo("* 3 FETCH (FLAGS (IDLE))\r\n");
        assertThat(front.filter("* CAPABILITY IMAP4rev1 IDLER\r\n")).isEqualTo("* CAPABILITY IMAP4rev1 IDLER\r\n");
    }

    @Test
    void relaysAnImapSessionWithoutIdleAndRecordsTheClientLines() throws Exception {
        front = CapabilityFilterFront.imapWithout(mail, "IDLE");
        assertThat(front.host()).isEqualTo("127.0.0.1");
        assertThat(front.port()).isPositive().isNotEqualTo(mail.imapPort());

        try (MailClients.LineClient client = new MailClients.LineClient(front.host(), front.port(), false)) {
            assertThat(client.greeting()).startsWith("* OK").doesNotContainIgnoringCase("IDLE");
            String capability = client.command("a1 CAPABILITY");
            assertThat(capability).startsWithIgnoringCase("* CAPABILITY").contains("IMAP4rev1")
                    .doesNotContainIgnoringCase(" IDLE");
            assertThat(client.readLine()).startsWith("a1 OK");
        }
        // the server itself still announces IDLE
        try (MailClients.LineClient direct = new MailClients.LineClient(mail.host(), mail.imapPort(), false)) {
            String capability = direct.command("a1 CAPABILITY");
            assertThat(capability).containsIgnoringCase(" IDLE");
        }

        Session session = MailClients.session(mail, "imap", front.port());
        session.getProperties().setProperty("mail.imap.host", front.host());
        try (Store store = session.getStore("imap")) {
            store.connect(front.host(), front.port(), "bob", "secret");
            assertThat(((IMAPStore) store).hasCapability("IDLE")).isFalse();
            assertThat(((IMAPStore) store).hasCapability("IMAP4rev1")).isTrue();
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isZero();
            inbox.close(false);
        }
        assertThat(front.clientLines()).contains("a1 CAPABILITY").anyMatch(line -> line.endsWith("LOGOUT"))
                .noneMatch(line -> line.toUpperCase().endsWith(" IDLE"));
    }

    @Test
    void refusesConnectionsWhenToldAndAcceptsThemAgain() throws IOException {
        front = CapabilityFilterFront.imapWithout(mail, "IDLE");
        front.refuseConnections(true);
        try (MailClients.LineClient client = new MailClients.LineClient(front.host(), front.port(), false)) {
            assertThat(client.greeting()).isNull();
        }
        front.refuseConnections(false);
        try (MailClients.LineClient client = new MailClients.LineClient(front.host(), front.port(), false)) {
            assertThat(client.greeting()).startsWith("* OK");
            front.dropConnections();
            MailClients.await(() -> {
                try {
                    return client.readLine() == null;
                } catch (IOException e) {
                    return true;
                }
            }, "the dropped connection to end");
        }
        assertThat(front.acceptedConnections()).isEqualTo(2);
    }
}
