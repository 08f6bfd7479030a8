package io.netproto.camel.nntp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.netproto.testkit.nntp.Article;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The producer's article and body operations stream the body and hold their pooled connection until it is read. */
class NntpProducerStreamingTest extends NntpTestSupport {

    private final AtomicReference<NntpArticleBody> seen = new AtomicReference<>();

    @Override
    void configure(CamelContext camelContext) throws Exception {
        camelContext.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:failing")
                        .setHeader(NntpConstants.OPERATION, constant("article"))
                        .toD("${header.uri}")
                        .process(e -> {
                            seen.set(e.getMessage().getBody(NntpArticleBody.class));
                            throw new IllegalStateException("route failed after the fetch");
                        });
            }
        });
    }

    private static String largeBody() {
        StringBuilder body = new StringBuilder(5_000_000);
        for (int i = 0; body.length() < 4_500_000; i++) {
            body.append("line ").append(i).append(" .dot ").append("x".repeat(60)).append('\n');
            if (i % 1000 == 0) {
                body.append(".starts with a dot\n");
            }
        }
        return body.toString();
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    /** Digests the stream in small chunks, never holding the whole body. */
    private static long digest(InputStream in, MessageDigest md) throws IOException {
        byte[] chunk = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(chunk)) >= 0) {
            md.update(chunk, 0, n);
            total += n;
        }
        return total;
    }

    @Test
    void aLargeArticleIsReadThroughTheStreamAndTheConnectionIsReused() throws Exception {
        String body = largeBody();
        Article large = seed(GROUP, "large", body);
        byte[] expected = body.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        for (int round = 0; round < 3; round++) {
            NntpOperation operation = round % 2 == 0 ? NntpOperation.article : NntpOperation.body;
            Exchange result = call(uri(GROUP, null), operation, NntpConstants.ARTICLE_ID, large.messageId());
            assertThat(result.getException()).isNull();
            Object raw = result.getMessage().getBody();
            assertThat(raw).isInstanceOf(NntpArticleBody.class).isNotInstanceOf(InputStream.class);
            NntpArticleBody article = (NntpArticleBody) raw;
            assertThat(article.getPointer().messageId()).isEqualTo(large.messageId());
            if (operation == NntpOperation.article) {
                assertThat(article.header("Subject")).contains("large");
            } else {
                assertThat(article.getHeaders()).isEmpty();
            }
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            long total = digest(result.getMessage().getBody(InputStream.class), md);
            assertThat(total).isEqualTo(expected.length);
            assertThat(HexFormat.of().formatHex(md.digest())).isEqualTo(sha256(expected));
            assertThat(news.connectionCount()).isEqualTo(1);
        }
    }

    @Test
    void closingTheStreamUnreadReturnsTheConnectionToThePool() throws Exception {
        Article big = seed(GROUP, "big", largeBody());
        Article small = seed(GROUP, "small", "just this\n");
        for (int round = 0; round < 3; round++) {
            Exchange result = call(uri(GROUP, null), NntpOperation.article, NntpConstants.ARTICLE_ID, big.messageId());
            InputStream in = result.getMessage().getBody(InputStream.class);
            assertThat(in.readNBytes(100)).hasSize(100);
            in.close();
            assertThat(in.read()).isEqualTo(-1);
            Exchange next = call(uri(GROUP, null), NntpOperation.body, NntpConstants.ARTICLE_ID, small.messageId());
            assertThat(next.getMessage().getBody(String.class)).isEqualTo("just this\r\n");
            assertThat(news.connectionCount()).isEqualTo(1);
        }
    }

    @Test
    void smallArticlesConvertToStringBytesAndALoadedArticle() {
        Article a = seed(GROUP, "klein", "gr\u00fc\u00dfe\n");
        Exchange asText = call(uri(GROUP, null), NntpOperation.body, NntpConstants.ARTICLE_ID, a.messageId());
        assertThat(asText.getMessage().getBody(String.class)).isEqualTo("gr\u00fc\u00dfe\r\n");
        Exchange asBytes = call(uri(GROUP, null), NntpOperation.body, NntpConstants.ARTICLE_ID, "1");
        assertThat(asBytes.getMessage().getBody(byte[].class)).isEqualTo("gr\u00fc\u00dfe\r\n".getBytes(StandardCharsets.UTF_8));
        NntpArticle loaded = call(uri(GROUP, null), NntpOperation.article, NntpConstants.ARTICLE_ID, "1")
                .getMessage().getBody(NntpArticle.class);
        assertThat(loaded.header("Subject")).contains("klein");
        assertThat(loaded.body()).isEqualTo("gr\u00fc\u00dfe\r\n");
        assertThat(news.connectionCount()).isEqualTo(1);
    }

    @Test
    void aFailedExchangeClosesTheStreamAndItsConnection() throws Exception {
        Article big = seed(GROUP, "big", largeBody());
        Exchange failed = template.request("direct:failing", e -> {
            e.getIn().setHeader("uri", uri(GROUP, null));
            e.getIn().setHeader(NntpConstants.ARTICLE_ID, big.messageId());
        });
        assertThat(failed.getException()).hasMessageContaining("route failed after the fetch");
        assertThat(seen.get()).isNotNull();
        assertThat(seen.get().getInputStream().read()).isEqualTo(-1);
        await().atMost(10, TimeUnit.SECONDS).until(() -> news.connectionCount() == 0);

        Exchange again = call(uri(GROUP, null), NntpOperation.body, NntpConstants.ARTICLE_ID, "1");
        assertThat(again.getMessage().getBody(byte[].class)).hasSizeGreaterThan(4_000_000);
        assertThat(news.connectionCount()).isEqualTo(1);
    }
}
