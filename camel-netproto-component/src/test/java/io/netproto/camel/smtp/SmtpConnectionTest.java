package io.netproto.camel.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.netproto.camel.support.ConnectionFailedException;
import io.netproto.camel.support.NetprotoException;
import io.netproto.camel.support.ProtocolReplyException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SmtpConnectionTest extends SmtpTestSupport {

    @Test
    void oneConnectionServesManySendsWithNoCommandBetweenQuickOnes() {
        String uri = smtp("from=alice@example.org&to=bob@example.org");
        for (int i = 0; i < 20; i++) {
            send(uri, "message " + i);
        }

        assertThat(mail.connectionCount("smtp")).isEqualTo(1);
        assertThat(mail.greenMail().getReceivedMessages()).hasSize(20);
        assertThat(mail.smtpCommands()).filteredOn(line -> line.startsWith("EHLO")).hasSize(1);
        // no RSET: a connection idle for less than the check interval is reused as it is
        assertThat(mail.smtpCommands()).filteredOn("RSET"::equals).isEmpty();
    }

    @Test
    void aConnectionIdleLongerThanTheCheckIntervalIsProvenWithRsetFirst() {
        String uri = smtp("from=alice@example.org&to=bob@example.org");
        send(uri, "before the pause");

        await().pollDelay(SmtpProducer.CHECK_AFTER_IDLE_MILLIS + 200, TimeUnit.MILLISECONDS)
                .atMost(SmtpProducer.CHECK_AFTER_IDLE_MILLIS + 5_000, TimeUnit.MILLISECONDS).until(() -> true);
        send(uri, "after the pause");

        assertThat(mail.greenMail().getReceivedMessages()).hasSize(2);
        assertThat(mail.smtpCommands()).filteredOn("RSET"::equals).hasSize(1);
        assertThat(mail.connectionCount("smtp")).isEqualTo(1);
    }

    @Test
    void aDroppedConnectionIsReplacedBeforeTheNextSend() {
        String uri = smtp("from=alice@example.org&to=bob@example.org");
        send(uri, "before");

        mail.closeAllConnections();
        send(uri, "after");

        assertThat(mail.greenMail().getReceivedMessages()).hasSize(2);
        assertThat(mail.connectionCount("smtp")).isEqualTo(1);
        assertThat(mail.smtpCommands()).filteredOn(line -> line.startsWith("EHLO")).hasSize(2);
    }

    @Test
    void concurrentSendsAreSafeAndEachMailArrivesOnce() throws Exception {
        String uri = smtp("from=alice@example.org&to=bob@example.org&maxIdleSessions=4");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Exchange>> sends = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String body = "concurrent " + i;
                sends.add(() -> template.request(uri, e -> {
                    e.getMessage().setBody(body);
                    e.getMessage().setHeader("X-Seq", body);
                }));
            }
            for (Future<Exchange> future : pool.invokeAll(sends)) {
                Exchange exchange = future.get(60, TimeUnit.SECONDS);
                assertThat(exchange.getException()).isNull();
                assertThat(exchange.getMessage().getHeader(SmtpConstants.SEND_RESULT, SendResult.class).isComplete())
                        .isTrue();
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> seqs = new ArrayList<>();
        for (MimeMessage message : mail.greenMail().getReceivedMessages()) {
            seqs.add(header(message, "X-Seq"));
        }
        assertThat(seqs).hasSize(40).doesNotHaveDuplicates();
        assertThat(mail.connectionCount("smtp")).isBetween(1, 8);
    }

    @Test
    void aWrongPasswordFailsWithAClearAuthenticationError() {
        String uri = "netsmtps://bob@" + mail.host() + ":" + mail.smtpsPort()
                     + "?password=wrong&sslContextParameters=#tls&to=bob@example.org";

        Exchange exchange = template.request(uri, e -> e.getMessage().setBody("x"));

        assertThat(exchange.getException()).isInstanceOfSatisfying(ProtocolReplyException.class, e -> {
            assertThat(e.getReplyCode()).isEqualTo(535);
            assertThat(e.getCommand()).contains("AUTH").contains("bob");
            assertThat(e.isTransient()).isFalse();
            assertThat(e.getMessage()).contains("535").contains("Authentication").doesNotContain("wrong");
        });
        assertThat(mail.greenMail().getReceivedMessages()).isEmpty();
    }

    @Test
    void implicitTlsWithLoginSendsOnSmtps() {
        Exchange exchange = send(smtps("from=alice@example.org&to=bob@example.org"), "over TLS");

        assertThat(exchange.getMessage().getHeader(SmtpConstants.SEND_RESULT, SendResult.class).isComplete()).isTrue();
        assertThat(mail.greenMail().getReceivedMessages()).hasSize(1);
        assertThat(mail.smtpCommands()).anyMatch(line -> line.startsWith("AUTH "));
    }

    @Test
    void smtpsRefusesAServerCertificateItDoesNotTrust() {
        String uri = "netsmtps://" + mail.host() + ":" + mail.smtpsPort() + "?to=bob@example.org";

        Exchange exchange = template.request(uri, e -> e.getMessage().setBody("x"));

        assertThat(exchange.getException()).isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining(mail.host() + ":" + mail.smtpsPort());
        assertThat(mail.smtpCommands()).isEmpty();
    }

    @Test
    void startTlsRequiredAgainstAServerWithoutItFailsBeforeAnythingIsSentInClearText() {
        // credentials without startTls: required is the default
        String uri = "netsmtp://bob@" + mail.host() + ":" + mail.smtpPort() + "?password=secret&to=bob@example.org";

        Exchange exchange = template.request(uri, e -> e.getMessage().setBody("confidential"));

        assertThat(exchange.getException()).isInstanceOf(NetprotoException.class)
                .hasMessageContaining("STARTTLS is required").hasMessageContaining("startTls");
        assertThat(mail.smtpCommands()).allMatch(line -> line.startsWith("EHLO "), "only EHLO was sent");
        assertThat(mail.greenMail().getReceivedMessages()).isEmpty();
    }

    @Test
    void anExplicitlyOptionalStartTlsLogsInOnAPlainServer() {
        String uri = "netsmtp://bob@" + mail.host() + ":" + mail.smtpPort()
                     + "?password=secret&startTls=optional&to=bob@example.org";

        send(uri, "plain login accepted by choice");

        assertThat(mail.smtpCommands()).anyMatch(line -> line.startsWith("AUTH "));
        assertThat(mail.greenMail().getReceivedMessages()).hasSize(1);
    }

    @Test
    void aPermanentlyRefusedRecipientFailsTheExchangeAndNothingIsSent() {
        mail.refuseRecipient("ghost@example.org", "550 5.1.1 No such user");

        String uri = smtp("from=alice@example.org&to=bob@example.org,ghost@example.org&useHeaderRecipients=true");
        Exchange exchange = template.request(uri, e -> e.getMessage().setBody("x"));

        assertThat(exchange.getException()).isInstanceOfSatisfying(SmtpSendException.class, e -> {
            assertThat(e.isTransient()).isFalse();
            assertThat(e.getReplyCode()).isEqualTo(550);
            assertThat(e.getCommand()).isEqualTo("RCPT TO");
            SendResult result = e.getResult();
            assertThat(result.sent()).isFalse();
            assertThat(result.accepted()).containsExactly("bob@example.org");
            assertThat(result.refused()).singleElement().satisfies(r -> {
                assertThat(r.address()).isEqualTo("ghost@example.org");
                assertThat(r.replyCode()).isEqualTo(550);
                assertThat(r.replyText()).isEqualTo("5.1.1 No such user");
            });
        });
        assertThat(mail.greenMail().getReceivedMessages()).isEmpty();
        // the connection survives the refusal and serves the next mail
        Exchange next = template.request(uri, e -> {
            e.getMessage().setBody("next");
            e.getMessage().setHeader("To", "bob@example.org");
        });
        assertThat(next.getException()).isNull();
        assertThat(mail.greenMail().getReceivedMessages()).hasSize(1);
        assertThat(mail.connectionCount("smtp")).isEqualTo(1);
    }

    @Test
    void aTemporarilyRefusedRecipientMarksTheFailureRetryable() {
        mail.refuseRecipient("busy@example.org", "450 4.2.1 Mailbox busy, try later");

        Exchange exchange = template.request(smtp("to=busy@example.org"), e -> e.getMessage().setBody("x"));

        assertThat(exchange.getException()).isInstanceOfSatisfying(SmtpSendException.class, e -> {
            assertThat(e.isTransient()).isTrue();
            assertThat(e.getReplyCode()).isEqualTo(450);
            assertThat(e.getResult().refused()).singleElement().satisfies(r -> assertThat(r.isTransient()).isTrue());
        });
    }

    @Test
    void sendPartialDeliversToTheAcceptedRecipientsAndReportsTheRefusedOnes() {
        mail.refuseRecipient("ghost@example.org", "550 5.1.1 No such user");

        Exchange exchange = send(smtp("to=bob@example.org,ghost@example.org&sendPartial=true"), "partial");

        SendResult result = exchange.getMessage().getHeader(SmtpConstants.SEND_RESULT, SendResult.class);
        assertThat(result.sent()).isTrue();
        assertThat(result.isComplete()).isFalse();
        assertThat(result.accepted()).containsExactly("bob@example.org");
        assertThat(result.refused()).extracting(SendResult.RefusedRecipient::address).containsExactly("ghost@example.org");
        assertThat(mail.greenMail().getReceivedMessages()).hasSize(1);
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
