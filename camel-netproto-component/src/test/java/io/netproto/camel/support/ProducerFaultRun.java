package io.netproto.camel.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.camel.Exchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run the producer fault tests share: items sent one by one through a fault-injecting proxy, where every send
 * either arrives or fails with a {@link NetprotoException} naming the protocol; then the figure line and the assertion
 * that every success arrived and nothing arrived twice.
 */
public final class ProducerFaultRun {

    private final List<String> succeeded = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private final int items;

    private ProducerFaultRun(int items) {
        this.items = items;
    }

    /**
     * Sends {@code items} items, named by the format (such as {@code s%03d}), through {@code send} (name, index); an
     * exchange that failed must carry a NetprotoException whose message contains {@code protocol}.
     */
    public static ProducerFaultRun sendAll(int items, String format, BiFunction<String, Integer, Exchange> send,
            String protocol) {
        ProducerFaultRun run = new ProducerFaultRun(items);
        for (int i = 0; i < items; i++) {
            String name = String.format(format, i);
            Exchange exchange = send.apply(name, i);
            if (exchange.getException() == null) {
                run.succeeded.add(name);
            } else {
                assertThat(exchange.getException()).as(name).isInstanceOf(NetprotoException.class)
                        .hasMessageContaining(protocol);
                run.failed.add(name);
            }
        }
        return run;
    }

    /** How often each name arrived, from the names found on the server. */
    public static Map<String, Integer> count(Iterable<String> arrived) {
        Map<String, Integer> byName = new HashMap<>();
        arrived.forEach(name -> byName.merge(name, 1, Integer::sum));
        return byName;
    }

    /**
     * The figure line, e.g. {@code fault-run netsmtp producer: mails=200 faults=35 failed=34 failedButDelivered=1 seed=42}:
     * {@code label}, then the items under {@code itemsName}, and under {@code failedButArrivedName} how many failed sends
     * arrived all the same.
     */
    public String line(String label, String itemsName, String failedButArrivedName, Map<String, Integer> arrived,
            int faults, long seed) {
        long failedButArrived = failed.stream().filter(arrived::containsKey).count();
        return "fault-run " + label + ": " + itemsName + "=" + items + " faults=" + faults + " failed=" + failed.size() + " "
               + failedButArrivedName + "=" + failedButArrived + " seed=" + seed;
    }

    /** Asserts: some sends failed, every successful one arrived, nothing arrived twice. */
    public void assertEverySuccessArrivedOnce(Map<String, Integer> arrived) {
        assertThat(failed).isNotEmpty();
        assertThat(succeeded).as("every successful send arrived").allMatch(arrived::containsKey);
        assertThat(arrived.values()).as("nothing arrived twice").allMatch(n -> n == 1);
    }
}
