package io.netproto.bench.nntp;

import java.io.IOException;
import java.io.Reader;
import java.util.Map;

import io.netproto.testkit.nntp.EmbeddedNewsServer;
import org.apache.commons.net.nntp.NNTPClient;
import org.apache.commons.net.nntp.NNTPReply;

/** What the NNTP workloads share: the article content, a fresh group per run, the bare client. */
final class NewsBench {

    static final String FROM = "bench@example.org";
    /** The body of every article: 16 lines of 64 characters, about 1 KB. */
    static final String BODY = ("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-+" + "\r\n").repeat(16);

    private NewsBench() {
    }

    /** Creates a new, empty group on the server, so a run sees only its own articles. */
    static String newGroup(EmbeddedNewsServer server, int run) {
        String group = "bench.run" + run;
        server.createGroup(group, "");
        return group;
    }

    static void fill(EmbeddedNewsServer server, String group, int items) {
        for (int i = 0; i < items; i++) {
            server.post(group, Map.of("From", FROM, "Subject", "article " + i), BODY);
        }
    }

    static NNTPClient connect(EmbeddedNewsServer server) throws IOException {
        NNTPClient client = new NNTPClient();
        client.connect(server.host(), server.port());
        if (!NNTPReply.isPositiveCompletion(client.getReplyCode())) {
            client.disconnect();
            throw new IOException("NNTP greeting refused: " + client.getReplyString());
        }
        return client;
    }

    static void logout(NNTPClient client) throws IOException {
        try {
            client.logout();
        } finally {
            client.disconnect();
        }
    }

    /** Reads a reader to its end, returning the number of characters. */
    static long drain(Reader reader) throws IOException {
        char[] buffer = new char[8192];
        long total = 0;
        try (reader) {
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                total += n;
            }
        }
        return total;
    }
}
