package io.netproto.bench.nntp;

import java.io.BufferedReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import io.netproto.bench.CamelRuns;
import io.netproto.bench.Contender;
import io.netproto.bench.Measurement;
import io.netproto.bench.Role;
import io.netproto.bench.Scale;
import io.netproto.bench.SimpleContender;
import io.netproto.bench.Workload;
import io.netproto.camel.nntp.NntpConstants;
import io.netproto.testkit.nntp.EmbeddedNewsServer;
import org.apache.camel.Exchange;
import org.apache.commons.net.nntp.NNTPClient;
import org.apache.commons.net.nntp.NewsgroupInfo;

/**
 * Articles consumed: before each run a new group gets {@code items} articles of about 1 KB; a run ends when every
 * article was delivered once (checked: Message-ID and body).
 */
final class NewsConsumeWorkload implements Workload {

    private final Scale scale;
    private EmbeddedNewsServer server;
    private int runs;
    private String group;

    NewsConsumeWorkload(Scale scale) {
        this.scale = scale;
    }

    @Override
    public String id() {
        return "nntp-consume";
    }

    @Override
    public String title() {
        return String.format("NNTP: %,d articles consumed", scale.items());
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
        SimpleContender.Step fill = () -> {
            group = NewsBench.newGroup(server, ++runs);
            NewsBench.fill(server, group, scale.items());
        };
        return List.of(
                new SimpleContender("nntp", Role.NETPROTO, fill, () -> CamelRuns.consume(CamelRuns.defaults(),
                        "nntp://" + server.host() + ":" + server.port() + "/" + group + "?initialDelay=0&delay=50",
                        scale.items(), NewsConsumeWorkload::check, () -> true)),
                new SimpleContender("commons-net loop", Role.BARE, fill, this::bare));
    }

    private static String check(Exchange exchange) {
        String body = exchange.getIn().getBody(String.class);
        String messageId = exchange.getIn().getHeader(NntpConstants.MESSAGE_ID, String.class);
        if (body == null || !body.startsWith(NewsBench.BODY.substring(0, 64)) || messageId == null) {
            throw new IllegalStateException("Wrong article delivered: " + messageId);
        }
        return messageId;
    }

    /**
     * One connection: GROUP, OVER of the group's range (what the consumer does to learn which articles exist), then
     * ARTICLE per listed number, each read to its end.
     */
    private Measurement bare() throws Exception {
        long start = System.nanoTime();
        NNTPClient client = NewsBench.connect(server);
        NewsgroupInfo info = new NewsgroupInfo();
        if (!client.selectNewsgroup(group, info)) {
            throw new IllegalStateException("GROUP " + group + " refused: " + client.getReplyString());
        }
        List<Long> numbers = new ArrayList<>();
        try (BufferedReader overview = new BufferedReader(client.retrieveArticleInfo(info.getFirstArticleLong(),
                info.getLastArticleLong()))) {
            for (String line; (line = overview.readLine()) != null; ) {
                numbers.add(Long.parseLong(line.substring(0, line.indexOf('\t'))));
            }
        }
        int read = 0;
        long first = 0;
        for (long n : numbers) {
            Reader article = client.retrieveArticle(n);
            if (article == null || NewsBench.drain(article) < NewsBench.BODY.length()) {
                throw new IllegalStateException("ARTICLE " + n + " failed: " + client.getReplyString());
            }
            read++;
            first = first == 0 ? System.nanoTime() : first;
        }
        long last = System.nanoTime();
        NewsBench.logout(client);
        long nanos = System.nanoTime() - start;
        if (read != scale.items()) {
            throw new IllegalStateException("Read " + read + " of " + scale.items() + " articles");
        }
        return Measurement.rate(read, nanos).withNote(CamelRuns.startNote(read, start, first, last));
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
