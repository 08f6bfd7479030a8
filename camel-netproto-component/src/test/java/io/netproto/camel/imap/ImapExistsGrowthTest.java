package io.netproto.camel.imap;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

import io.netproto.camel.support.HostileFuzz;
import io.netproto.camel.support.HostileFuzzTestSupport;
import io.netproto.camel.support.NetprotoException;
import io.netproto.testkit.hostile.ReplyGrammar;
import io.netproto.testkit.hostile.Script;
import org.apache.camel.Endpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * An IMAP server that answers every command validly but announces hostile mailbox sizes before each reply: an absurd
 * {@code * 2147483647 EXISTS}, a count beyond any int, a count multiplied by 1000 on every reply, EXPUNGE of messages
 * never announced, or a modest growth. Angus Mail's message cache allocates per announced message, so the reply guard
 * refuses counts beyond 10 million; the producer's operations and the consumer's poll end with a result or a
 * NetprotoException naming the limit, within the timeouts and without retaining memory.
 */
class ImapExistsGrowthTest extends HostileFuzzTestSupport {

    private static final ReplyGrammar IMAP = ReplyGrammar.of("imap");
    private static final String LIMIT = "messages in the mailbox (* n EXISTS), more than the limit of 10000000";

    @ParameterizedTest
    @ValueSource(strings = { "absurd", "beyondInt", "thousandfold", "expungeUnknown", "growing" })
    void hostileMailboxSizesEndInAResultOrANetprotoExceptionWithoutAllocatingForThem(String shape) {
        server.script(announcing(announcement(shape)));
        List<Endpoint> endpoints = List.of(endpoint("imap", "fuzz@", "password=pw&startTls=disabled&operation=select"),
                endpoint("imap", "fuzz@", "password=pw&startTls=disabled&operation=search"),
                endpoint("imap", "fuzz@", "password=pw&startTls=disabled&operation=fetch"),
                pollingEndpoint("imap", "fuzz@", "", "&password=pw&startTls=disabled"));
        long heapBefore = usedHeapAfterGc();
        List<Throwable> failures = new ArrayList<>();
        int results = 0;
        for (Endpoint endpoint : endpoints) {
            Throwable failure = assertTimeoutPreemptively(Duration.ofSeconds(9), () -> outcome(endpoint));
            if (failure == null) {
                results++;
            } else {
                failures.add(failure);
            }
        }
        long retained = usedHeapAfterGc() - heapBefore;
        System.out.printf(Locale.ROOT, "fuzz imap EXISTS %s: runs=%d results=%d exceptions=%d retainedHeapMiB=%d%n", shape,
                endpoints.size(), results, failures.size(), retained >> 20);

        assertThat(failures).allSatisfy(f -> assertThat(f).isInstanceOf(NetprotoException.class).hasMessageNotContaining("null"));
        assertThat(retained).as("heap retained").isLessThan(64L * 1024 * 1024);
        if (shape.equals("expungeUnknown") || shape.equals("growing")) {
            assertThat(failures).as("valid conversations with odd mailbox sizes").isEmpty();
        } else {
            assertThat(failures).hasSize(endpoints.size())
                    .allSatisfy(f -> assertThat(f).hasStackTraceContaining(LIMIT));
        }
    }

    /** The untagged data sent before reply n (from 1). */
    private static LongFunction<String> announcement(String shape) {
        return switch (shape) {
            case "absurd" -> n -> "* 2147483647 EXISTS\r\n";
            case "beyondInt" -> n -> "* 4294967296 EXISTS\r\n";
            case "thousandfold" -> n -> "* " + (long) Math.pow(1000, n) + " EXISTS\r\n";
            case "expungeUnknown" -> n -> "* " + (2147483647 - n) + " EXPUNGE\r\n* " + (1000 + n) + " EXPUNGE\r\n";
            default -> n -> "* " + n + " EXISTS\r\n* " + n + " RECENT\r\n";
        };
    }

    /** A valid IMAP server (the fuzz grammar's replies) sending the announcement before every reply. */
    private static Script announcing(LongFunction<String> announcement) {
        return c -> {
            c.send(IMAP.greeting());
            long reply = 0;
            String command;
            while ((command = c.readLine()) != null) {
                c.send(announcement.apply(++reply));
                if (!IMAP.answer(c, command)) {
                    return;
                }
            }
        };
    }

    private Throwable outcome(Endpoint endpoint) {
        try {
            if (endpoint.getEndpointUri().contains("pollStrategy")) {
                HostileFuzz.consumeOnce(endpoint, polls);
            } else {
                HostileFuzz.produce(endpoint, Map.of(ImapConstants.UID, 1L));
            }
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
