package io.netproto.bench.mail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.netproto.bench.Contender;
import io.netproto.bench.Measurement;
import io.netproto.bench.Role;
import io.netproto.bench.Scale;
import io.netproto.bench.Workload;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * IMAP IDLE: the latency from a message's arrival in the INBOX (delivered by the server's API, as another client's
 * APPEND) to the route, one message at a time, each after a random pause of up to a second. netimap with idle=true
 * against camel-mail polling with delay=1000 ms (tuned: its default delay of 60 s would make every latency up to a
 * minute). The figure is the 99th percentile in milliseconds; the note gives the median.
 */
final class ImapIdleWorkload implements Workload {

    private static final long CAMEL_MAIL_DELAY_MILLIS = 1000;
    private static final long MAX_PAUSE_MILLIS = 1000;
    private static final long ARRIVAL_TIMEOUT_SECONDS = 60;

    private final int samples;
    private MailFixture mail;

    ImapIdleWorkload(Scale scale) {
        this.samples = Math.max(5, scale.items() / 50);
    }

    @Override
    public String id() {
        return "imap-idle";
    }

    @Override
    public String title() {
        return String.format("IMAP IDLE: latency from append to the route (%d messages, camel-mail delay=%d ms)", samples,
                CAMEL_MAIL_DELAY_MILLIS);
    }

    @Override
    public String unit() {
        return "ms (p99)";
    }

    @Override
    public boolean higherIsBetter() {
        return false;
    }

    @Override
    public void start() {
        mail = MailFixture.start();
    }

    @Override
    public List<Contender> contenders() {
        return List.of(
                new MailContender("netimap idle=true", Role.NETPROTO, mail::purge, this::netimap),
                new MailContender("camel-mail imap polling", Role.CAMEL, mail::purge, this::camelMail));
    }

    private Measurement netimap() throws Exception {
        return latencies(new DefaultCamelContext(), "netimap://" + MailFixture.LOGIN + "@" + mail.host() + ":"
                                                    + mail.server().imapPort() + "?password=" + MailFixture.PASSWORD
                                                    + "&startTls=disabled&idle=true&initialDelay=0");
    }

    private Measurement camelMail() throws Exception {
        CamelContext context = new DefaultCamelContext();
        CamelMailComponent.register(context, "imap");
        return latencies(context, "imap://" + mail.host() + ":" + mail.server().imapPort() + "?username="
                                  + MailFixture.LOGIN + "&password=" + MailFixture.PASSWORD + "&initialDelay=0&delay="
                                  + CAMEL_MAIL_DELAY_MILLIS);
    }

    /** Delivers a warm-up message, then the samples one by one, each awaited; p99 and p50 of their latencies. */
    private Measurement latencies(CamelContext context, String from) throws Exception {
        BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(from).process(exchange -> arrivals.add(
                            new Arrival(exchange.getMessage().getHeader("Subject", String.class), System.nanoTime())));
                }
            });
            context.start();
            await(arrivals, "idle warm-up", System.nanoTime());
            List<Double> millis = new ArrayList<>();
            for (int i = 1; i <= samples; i++) {
                Thread.sleep(ThreadLocalRandom.current().nextLong(MAX_PAUSE_MILLIS));
                long sent = System.nanoTime();
                millis.add(await(arrivals, "idle " + i, sent) / 1e6);
            }
            Collections.sort(millis);
            return new Measurement(percentile(millis, 99), String.format(Locale.ROOT, "p50 %.1f ms",
                    percentile(millis, 50)));
        } finally {
            context.stop();
        }
    }

    /** Delivers a message and waits for it: the nanoseconds from {@code sent} to its arrival in the route. */
    private long await(BlockingQueue<Arrival> arrivals, String subject, long sent) throws InterruptedException {
        mail.deliver(subject);
        Arrival arrival = arrivals.poll(ARRIVAL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (arrival == null || !subject.equals(arrival.subject())) {
            throw new IllegalStateException("Expected '" + subject + "' within " + ARRIVAL_TIMEOUT_SECONDS + " s, got "
                                            + (arrival == null ? "nothing" : "'" + arrival.subject() + "'"));
        }
        return arrival.nanos() - sent;
    }

    /** The nearest-rank percentile of sorted values. */
    static double percentile(List<Double> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private record Arrival(String subject, long nanos) {
    }

    @Override
    public void close() {
        if (mail != null) {
            mail.close();
        }
    }
}
