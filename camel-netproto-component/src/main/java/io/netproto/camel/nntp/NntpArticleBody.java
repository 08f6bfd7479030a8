package io.netproto.camel.nntp;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Message body of the producer's {@code article} and {@code body} operations: the article's pointer, its header
 * fields (none for {@code body}) and the body as a stream read straight from the pooled NNTP connection, so a large
 * article needs constant memory.
 * <p>
 * It is deliberately not an {@link InputStream} itself, so Camel's stream caching does not copy the body into
 * memory; type converters ({@link NntpConverters}) turn it into an InputStream, a String, a byte[] or a loaded
 * {@link NntpArticle} when a route asks for one (e.g. {@code convertBodyTo(String.class)} for small articles).
 * The body bytes are the article's lines ending in CRLF, dot-stuffing removed; they can be read once.
 * <p>
 * The connection stays borrowed until the stream is read to its end or closed, and then returns to the pool; when the
 * exchange fails, the stream is closed together with its connection. A route that neither reads nor closes the body
 * of a successful exchange keeps the connection from the pool.
 */
public final class NntpArticleBody {

    private final NntpPointer pointer;
    private final List<Map.Entry<String, String>> headers;
    private final InputStream content;

    NntpArticleBody(NntpPointer pointer, List<Map.Entry<String, String>> headers, InputStream content) {
        this.pointer = pointer;
        this.headers = List.copyOf(headers);
        this.content = content;
    }

    /** The article's number (in the selected group, 0 when fetched by Message-ID) and Message-ID. */
    public NntpPointer getPointer() {
        return pointer;
    }

    /** The header fields in order (unfolded), name and value; empty for the {@code body} operation. */
    public List<Map.Entry<String, String>> getHeaders() {
        return headers;
    }

    /** The value of the first header field with this name (case-insensitive). */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    /** The body stream (raw bytes, lines ending in CRLF). Reading it to the end or closing it frees the connection. */
    public InputStream getInputStream() {
        return content;
    }

    @Override
    public String toString() {
        return "NntpArticleBody[" + pointer + "]";
    }
}
