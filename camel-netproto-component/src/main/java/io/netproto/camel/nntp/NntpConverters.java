package io.netproto.camel.nntp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.apache.camel.Converter;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;

/**
 * Type converters for nntp bodies (generated loader, no reflection). The String, byte[] and NntpArticle conversions
 * of an {@link NntpArticleBody} read the whole body into memory: meant for small articles.
 */
@Converter(generateLoader = true)
public final class NntpConverters {

    private NntpConverters() {
    }

    @Converter
    public static InputStream toInputStream(NntpArticleBody article) {
        return article.getInputStream();
    }

    @Converter
    public static byte[] toBytes(NntpArticleBody article) throws IOException {
        try (InputStream in = article.getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** The body decoded in the exchange's charset, UTF-8 by default. */
    @Converter
    public static String toString(NntpArticleBody article, Exchange exchange) throws IOException {
        Charset charset = StandardCharsets.UTF_8;
        if (exchange != null) {
            String name = exchange.getProperty(ExchangePropertyKey.CHARSET_NAME, String.class);
            if (name != null) {
                charset = Charset.forName(name);
            }
        }
        return new String(toBytes(article), charset);
    }

    /** The article with its body loaded as UTF-8 text. */
    @Converter
    public static NntpArticle toArticle(NntpArticleBody article) throws IOException {
        String body = new String(toBytes(article), StandardCharsets.UTF_8);
        return new NntpArticle(article.getPointer(), article.getHeaders(), body);
    }
}
