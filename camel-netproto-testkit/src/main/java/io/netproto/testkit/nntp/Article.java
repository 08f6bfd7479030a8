package io.netproto.testkit.nntp;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An article as the {@link EmbeddedNewsServer} holds it: an immutable snapshot, taken when it is returned.
 *
 * @param messageId the Message-ID, angle brackets included
 * @param numbers   the article's number in each newsgroup that holds it, in the order of its Newsgroups header; a
 *                  group it expired from is absent
 * @param headers   the header fields in order, as served by HEAD: the poster's fields, then the Message-ID and Date
 *                  fields the server adds when they are missing, then the Xref field the server maintains. A folded
 *                  value keeps its line breaks (CRLF followed by whitespace)
 * @param body      the body, each line terminated by CRLF (empty for an empty body), dot-stuffing removed
 * @param date      when the server received the article; NEWNEWS selects by it
 */
public record Article(String messageId, Map<String, Long> numbers, List<Map.Entry<String, String>> headers,
        String body, Instant date) {

    /**
     * Copies the collections: a snapshot does not change when the server renumbers or expires.
     *
     * @param messageId the Message-ID, angle brackets included
     * @param numbers   the article's number in each newsgroup that holds it
     * @param headers   the header fields in order
     * @param body      the body, each line terminated by CRLF
     * @param date      when the server received the article
     */
    public Article {
        Objects.requireNonNull(messageId, "messageId");
        numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
        headers = headers.stream().map(h -> Map.entry(h.getKey(), h.getValue())).toList();
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(date, "date");
    }

    /**
     * The value of the first header field with this name.
     *
     * @param  name the field name, compared case-insensitively
     * @return      the value as stored (folding kept), or empty if the article has no such field
     */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }
}
