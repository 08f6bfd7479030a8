package io.netproto.camel.ftp;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.netproto.camel.support.HostileFuzz;
import io.netproto.camel.support.HostileFuzzTestSupport;
import io.netproto.camel.support.NetprotoException;
import io.netproto.camel.support.ReplyLimitExceededException;
import io.netproto.testkit.hostile.FtpListingScript;
import io.netproto.testkit.hostile.ListingKind;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Endpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile listings on the FTP data connection (endless listings, endless entries of 60 KiB, a line of megabytes,
 * garbage, a listing cut short, a stalled data connection), seeded, through the consumer and the producer's dir, mlsd
 * and nlst operations with the default maxListingEntries and a 4 MiB maxListingSize (FtpListingLimitTest runs the
 * default size): each case ends with a result or a NetprotoException within
 * its bound, every over-long or endless listing trips a limit named in the message, the client closes its
 * connections, and heap retained after the run stays bounded.
 */
class FtpListingFuzzTest extends HostileFuzzTestSupport {

    private static final long READ_TIMEOUT_MILLIS = 1000;
    private static final Duration HANG_BOUND = Duration.ofSeconds(20);
    private static final long RETAINED_HEAP_BOUND = 64L * 1024 * 1024;
    private static final ListingKind[] KINDS = ListingKind.values();

    @Test
    void everyHostileListingEndsInAResultOrANetprotoExceptionWithinTheLimits() {
        long seed = HostileFuzz.seed(8);
        int cases = HostileFuzz.cases(2000) / 14;
        Random random = new Random(seed);
        List<Endpoint> producers = List.of(listingEndpoint("operation=dir"), listingEndpoint("operation=mlsd"),
                listingEndpoint("operation=nlst"));
        Endpoint consumer = listingEndpoint("pollStrategy=#fuzzPolls&initialDelay=0&delay=60000");
        long heapBefore = usedHeapAfterGc();
        int ok = 0;
        int exceptions = 0;
        int limitTrips = 0;
        List<String> problems = new ArrayList<>();
        Map<String, Integer> types = new TreeMap<>();
        Map<String, Long> millisByKind = new TreeMap<>();
        for (int i = 0; i < cases; i++) {
            long caseSeed = random.nextLong();
            ListingKind kind = KINDS[i % KINDS.length];
            FtpListingScript script = FtpListingScript.of(kind, caseSeed);
            server.script(script);
            Endpoint endpoint = i % 4 == 3 ? consumer : producers.get(i % 3);
            String name = "case " + i + " (" + script + " via " + (endpoint == consumer ? "consumer" : endpoint.getEndpointUri()) + ")";
            long started = System.nanoTime();
            Throwable failure;
            try {
                failure = assertTimeoutPreemptively(HANG_BOUND, () -> outcome(endpoint == consumer, endpoint));
            } catch (org.opentest4j.AssertionFailedError e) {
                problems.add(name + " hangs");
                continue;
            }
            millisByKind.merge(kind.name(), (System.nanoTime() - started) / 1_000_000, Long::sum);
            boolean limitKind = kind == ListingKind.ENDLESS || kind == ListingKind.ENDLESS_LONG_ENTRIES
                                || kind == ListingKind.OVERLONG_LINE;
            if (failure == null) {
                ok++;
                if (limitKind || kind == ListingKind.STALL) {
                    problems.add(name + " ended without an error");
                }
            } else if (unwrap(failure) instanceof NetprotoException clear && clear.getMessage() != null) {
                exceptions++;
                types.merge(clear.getClass().getSimpleName(), 1, Integer::sum);
                boolean tripped = tripsALimit(failure);
                limitTrips += tripped ? 1 : 0;
                if (limitKind && !(tripped && namesTheLimit(clear.getMessage()))) {
                    problems.add(name + " did not trip a named listing limit: " + clear.getMessage());
                }
                if (kind == ListingKind.VALID) {
                    problems.add(name + " failed: " + clear);
                }
            } else {
                problems.add(name + " ended with " + failure);
            }
            if (!allClosed()) {
                problems.add(name + " left " + server.openConversations());
            }
        }
        long retained = usedHeapAfterGc() - heapBefore;
        System.out.printf(Locale.ROOT, "fuzz ftp-listing: cases=%d seed=%d exceptions=%d ok=%d hangs=%d limitTrips=%d"
                                       + " retainedHeapMiB=%d types=%s millisByKind=%s%n",
                cases, seed, exceptions, ok, problems.stream().filter(p -> p.endsWith(" hangs")).count(), limitTrips,
                retained >> 20, types, millisByKind);
        assertThat(problems).isEmpty();
        assertThat(ok + exceptions).isEqualTo(cases);
        assertThat(limitTrips).isPositive();
        assertThat(retained).as("heap retained after the run").isLessThan(RETAINED_HEAP_BOUND);
    }

    /**
     * An endpoint of the hostile server with a read timeout long enough that a busy machine never mistakes a streamed
     * listing for a stall: the listing limits, not the timeout, must end the endless cases.
     */
    private Endpoint listingEndpoint(String options) {
        return context.getEndpoint("netftp://fuzz@" + server.host() + ":" + server.port()
                                   + "?connectTimeout=2000&readTimeout=" + READ_TIMEOUT_MILLIS + "&maxListingSize=4194304&password=pw&" + options);
    }

    private Throwable outcome(boolean viaConsumer, Endpoint endpoint) {
        try {
            Object result = viaConsumer ? HostileFuzz.consumeOnce(endpoint, polls) : HostileFuzz.produce(endpoint, Map.of());
            assertThat(result).isNotNull();
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    private static boolean namesTheLimit(String message) {
        return message.contains("maxListingEntries=") || message.contains("maxListingSize=")
               || message.contains("longer than 65536 bytes");
    }

    private static boolean tripsALimit(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ReplyLimitExceededException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CamelExecutionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private boolean allClosed() {
        try {
            await().atMost(5, TimeUnit.SECONDS).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                    .until(() -> server.openConnections() == 0);
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
