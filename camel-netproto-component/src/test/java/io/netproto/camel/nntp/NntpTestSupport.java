package io.netproto.camel.nntp;

import java.util.LinkedHashMap;
import java.util.Map;

import io.netproto.testkit.nntp.Article;
import io.netproto.testkit.nntp.EmbeddedNewsServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh embedded news server (groups local.test and local.other) and CamelContext per test. */
abstract class NntpTestSupport {

    static final String GROUP = "local.test";
    static final String OTHER = "local.other";
    static final String USER = "reader";
    static final String PASSWORD = "n3ws pass";

    EmbeddedNewsServer news;
    CamelContext context;
    ProducerTemplate template;

    @BeforeEach
    void startServerAndContext() throws Exception {
        news = server(EmbeddedNewsServer.builder().group(GROUP).group(OTHER).user(USER, PASSWORD));
        context = new DefaultCamelContext();
        configure(context);
        context.start();
        template = context.createProducerTemplate();
    }

    /** Starts the server; a test class may change the builder first. */
    EmbeddedNewsServer server(EmbeddedNewsServer.Builder builder) {
        return builder.start();
    }

    /** Adds routes or beans before the context starts. */
    void configure(CamelContext camelContext) throws Exception {
    }

    @AfterEach
    void stopServerAndContext() {
        if (context != null) {
            context.stop();
        }
        if (news != null) {
            news.close();
        }
    }

    /** An nntp URI for the embedded server and the given groups, extra options appended. */
    String uri(String groups, String options) {
        return "nntp://" + news.host() + ":" + news.port() + (groups == null ? "" : "/" + groups)
               + (options == null || options.isEmpty() ? "" : "?" + options);
    }

    Article seed(String group, String subject, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("From", "poster@example.org");
        headers.put("Subject", subject);
        return news.post(group, headers, body);
    }

    /** Sends a request with the operation header and more headers (name, value, ...), returning the exchange. */
    Exchange call(String uri, NntpOperation operation, Object... headers) {
        return template.request(uri, e -> {
            e.getIn().setHeader(NntpConstants.OPERATION, operation.name());
            for (int i = 0; i < headers.length; i += 2) {
                e.getIn().setHeader((String) headers[i], headers[i + 1]);
            }
        });
    }
}
