package io.netproto.camel.ftp;

import java.util.List;

import io.netproto.camel.support.ConnectionFailedException;
import io.netproto.camel.support.ReplyLimitExceededException;
import io.netproto.testkit.hostile.FtpListingScript;
import io.netproto.testkit.hostile.HostileServer;
import io.netproto.testkit.hostile.ListingKind;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The listing limits with their defaults against a hostile server, and their reach: listings only, never file
 * contents.
 */
class FtpListingLimitTest extends FtpTestSupport {

    @Test
    void anEndlessListingFailsOnMaxListingEntriesAndTheConnectionIsClosed() {
        try (HostileServer hostile = HostileServer.start(FtpListingScript.of(ListingKind.ENDLESS, 1))) {
            Exchange exchange = template.request(hostileUri(hostile, "operation=dir"), e -> { });

            assertThat(exchange.getException()).isInstanceOf(ConnectionFailedException.class)
                    .hasMessageContaining("LIST").hasMessageContaining("more than 100000 entries")
                    .hasMessageContaining("maxListingEntries=100000").hasCauseInstanceOf(ReplyLimitExceededException.class);
            await().until(() -> hostile.openConnections() == 0);
        }
    }

    @Test
    void endlessLongEntriesFailOnMaxListingSize() {
        try (HostileServer hostile = HostileServer.start(FtpListingScript.of(ListingKind.ENDLESS_LONG_ENTRIES, 1))) {
            Exchange exchange = template.request(hostileUri(hostile, "operation=mlsd"), e -> { });

            assertThat(exchange.getException()).hasMessageContaining("MLSD").hasMessageContaining("maxListingSize=33554432");
            await().until(() -> hostile.openConnections() == 0);
        }
    }

    @Test
    void anOverlongListingLineFailsOnTheLineLimit() {
        try (HostileServer hostile = HostileServer.start(FtpListingScript.of(ListingKind.OVERLONG_LINE, 1))) {
            Exchange exchange = template.request(hostileUri(hostile, "operation=nlst"), e -> { });

            assertThat(exchange.getException()).hasMessageContaining("NLST").hasMessageContaining("longer than 65536 bytes");
            await().until(() -> hostile.openConnections() == 0);
        }
    }

    @Test
    void theLimitsBoundListingsButNotFileContents() {
        writeRemote("inbox/a.txt", "x".repeat(100_000));
        writeRemote("inbox/b.txt", "b");
        String limited = "maxListingEntries=1&maxListingSize=1000";

        byte[] body = template.requestBodyAndHeader(uri("inbox", limited + "&operation=retrbinary"), null,
                Exchange.FILE_NAME, "a.txt", byte[].class);
        assertThat(body).hasSize(100_000);
        Exchange list = template.request(uri("inbox", limited + "&operation=dir"), e -> { });
        assertThat(list.getException()).hasMessageContaining("maxListingEntries=1");
        List<?> all = template.requestBody(uri("inbox", "operation=dir"), null, List.class);
        assertThat(all).hasSize(2);
    }

    private static String hostileUri(HostileServer hostile, String options) {
        return "netftp://fuzz@" + hostile.host() + ":" + hostile.port() + "?password=pw&readTimeout=5000&" + options;
    }
}
