package io.netproto.camel.smtp;

import java.util.Arrays;
import java.util.Map;

import io.netproto.camel.support.NetprotoException;
import io.netproto.camel.support.ProducerFaultRun;
import io.netproto.testkit.fault.Direction;
import io.netproto.testkit.fault.Fault;
import io.netproto.testkit.fault.FaultProxy;
import io.netproto.testkit.fault.FaultSource;
import io.netproto.testkit.fault.SeededFaults;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Mails sent through a fault-injecting proxy: a send either reaches the mailbox or fails with an exception. */
class SmtpProducerFaultTest extends SmtpTestSupport {

    private static final long SEED = 42;
    private static final int MAILS = 200;

    private FaultProxy proxy;

    @AfterEach
    void stopProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    private String proxyUri() {
        return "netsmtp://" + proxy.host() + ":" + proxy.port() + "?from=alice@example.org&to=bob@example.org&useHeaderSubject=true"
               + "&readTimeout=300&connectTimeout=1000";
    }

    private Exchange send(String subject, String text) {
        return template.send(proxyUri(), e -> {
            e.getIn().setHeader("Subject", subject);
            e.getIn().setBody(text);
        });
    }

    @Test
    void everySendReachesTheMailboxOrFailsWithAnException() throws MessagingException {
        proxy = FaultProxy.to(mail.host(), mail.smtpPort()).faults(new SeededFaults(SEED, 1.0, 40_000, 1_000, 2,
                Fault.Kind.DROP, Fault.Kind.RESET, Fault.Kind.STALL, Fault.Kind.CUT_REPLY));
        ProducerFaultRun run = ProducerFaultRun.sendAll(MAILS, "s%03d",
                (subject, i) -> send(subject, "mail " + subject + "\n" + "w".repeat(2_000 + i * 10)), "SMTP");
        Map<String, Integer> received = received();
        System.out.println(run.line("netsmtp producer", "mails", "failedButDelivered", received, proxy.faultsInjected(), SEED));
        assertThat(proxy.faultsInjected()).isGreaterThan(10);
        run.assertEverySuccessArrivedOnce(received);
    }

    @Test
    void aResetDuringDataFailsTheExchangeAndTheNextMailGoesThrough() throws MessagingException {
        // the first connection is reset after 200 request bytes: inside the message content, after DATA
        proxy = FaultProxy.to(mail.host(), mail.smtpPort())
                .faults(FaultSource.sequence(Fault.resetAfterBytes(Direction.CLIENT_TO_SERVER, 200)));
        Exchange failed = send("lost", "x".repeat(5_000));
        assertThat(failed.getException()).isInstanceOf(NetprotoException.class).hasMessageContaining("SMTP");
        assertThat(proxy.faultsInjected(Fault.Kind.RESET)).isEqualTo(1);
        Exchange next = send("next", "y");
        assertThat(next.getException()).isNull();
        assertThat(received()).containsOnlyKeys("next");
    }

    private Map<String, Integer> received() throws MessagingException {
        MimeMessage[] messages = mail.greenMail().getReceivedMessages();
        String[] subjects = new String[messages.length];
        for (int i = 0; i < messages.length; i++) {
            subjects[i] = messages[i].getSubject();
        }
        return ProducerFaultRun.count(Arrays.asList(subjects));
    }
}
