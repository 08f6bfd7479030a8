package io.netproto.bench.nntp;

import java.io.Writer;
import java.util.List;
import java.util.Map;

import io.netproto.bench.CamelRuns;
import io.netproto.bench.Contender;
import io.netproto.bench.Measurement;
import io.netproto.bench.Role;
import io.netproto.bench.Scale;
import io.netproto.bench.SimpleContender;
import io.netproto.bench.Workload;
import io.netproto.testkit.nntp.EmbeddedNewsServer;
import org.apache.commons.net.nntp.NNTPClient;
import org.apache.commons.net.nntp.SimpleNNTPHeader;

/** Articles posted: {@code items} posts of about 1 KB to a new group per run; every one must be stored. */
final class NewsPostWorkload implements Workload {

    private final Scale scale;
    private EmbeddedNewsServer server;
    private int runs;
    private String group;

    NewsPostWorkload(Scale scale) {
        this.scale = scale;
    }

    @Override
    public String id() {
        return "nntp-post";
    }

    @Override
    public String title() {
        return String.format("NNTP: %,d articles posted", scale.items());
    }

    @Override
    public String unit() {
        return "items/s";
    }

    @Override
    public void start() {
        server = EmbeddedNewsServer.builder().start();
    }

    @Override
    public List<Contender> contenders() {
        SimpleContender.Step newGroup = () -> group = NewsBench.newGroup(server, ++runs);
        return List.of(
                new SimpleContender("nntp", Role.NETPROTO, newGroup, () -> CamelRuns.produce(CamelRuns.defaults(),
                        "nntp://" + server.host() + ":" + server.port() + "/" + group, scale.items(),
                        i -> NewsBench.BODY, i -> Map.of("From", NewsBench.FROM, "Subject", "article " + i),
                        this::allStored)),
                new SimpleContender("commons-net loop", Role.BARE, newGroup, this::bare));
    }

    private boolean allStored() {
        return server.articles(group).size() == scale.items();
    }

    /** One connection: POST per article, headers and body written, then the final reply. */
    private Measurement bare() throws Exception {
        long start = System.nanoTime();
        NNTPClient client = NewsBench.connect(server);
        for (int i = 0; i < scale.items(); i++) {
            Writer writer = client.postArticle();
            if (writer == null) {
                throw new IllegalStateException("POST refused: " + client.getReplyString());
            }
            SimpleNNTPHeader header = new SimpleNNTPHeader(NewsBench.FROM, "article " + i);
            header.addNewsgroup(group);
            writer.write(header.toString());
            writer.write(NewsBench.BODY);
            writer.close();
            if (!client.completePendingCommand()) {
                throw new IllegalStateException("Article " + i + " not accepted: " + client.getReplyString());
            }
        }
        NewsBench.logout(client);
        long nanos = System.nanoTime() - start;
        if (!allStored()) {
            throw new IllegalStateException("Not every one of " + scale.items() + " posts is stored");
        }
        return Measurement.rate(scale.items(), nanos);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
