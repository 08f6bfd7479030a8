package io.netproto.camel.nntp;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An article with its body loaded: the result of the producer's head operation (body null), the consumer's article
 * (unless streamBody), and what the converter makes of a streamed {@link NntpArticleBody} (for small articles).
 *
 * @param pointer the article's number (in the selected group, 0 when fetched by Message-ID) and Message-ID
 * @param headers the header fields in order (unfolded), name and value
 * @param body    the body with CRLF line ends and dot-stuffing removed; null for HEAD
 */
public record NntpArticle(NntpPointer pointer, List<Map.Entry<String, String>> headers, String body) {

    public NntpArticle {
        headers = List.copyOf(headers);
    }

    /** The value of the first header field with this name (case-insensitive). */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }
}
