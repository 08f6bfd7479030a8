package io.netproto.camel.smtp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.netproto.camel.support.NetprotoException;
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
        List<String> succeeded = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < MAILS; i++) {
            String subject = String.format("s%03d", i);
            Exchange exchange = send(subject, "mail " + subject + "\n" + "w".repeat(2_000 + i * 10));
            if (exchange.getException() == null) {
                succeeded.add(subject);
            } else {
                assertThat(exchange.getException()).as(subject).isInstanceOf(NetprotoException.class)
                        .hasMessageContaining("SMTP");
                failed.add(subject);
            }
        }
        Map<String, Integer> received = received();
        long failedButDelivered = failed.stream().filter(received::containsKey).count();
        System.out.println("fault-run netsmtp producer: mails=" + MAILS + " faults=" + proxy.faultsInjected()
                           + " failed=" + failed.size() + " failedButDelivered=" + failedButDelivered + " seed=" + SEED);
        assertThat(proxy.faultsInjected()).isGreaterThan(10);
        assertThat(failed).isNotEmpty();
        assertThat(succeeded).as("every successful send is in the mailbox").allMatch(received::containsKey);
        assertThat(received.values()).as("nothing delivered twice").allMatch(n -> n == 1);
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
        Map<String, Integer> bySubject = new HashMap<>();
        for (MimeMessage message : mail.greenMail().getReceivedMessages()) {
            bySubject.merge(message.getSubject(), 1, Integer::sum);
        }
        return bySubject;
    }
}
