package io.netproto.camel.ftp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * delete / move with a persistent idempotentRepository: a file is delivered, its commit is refused by the server,
 * the consumer is restarted (a new CamelContext on the same store): the file is not delivered again, and it is
 * committed once the server allows it.
 */
class FtpPendingCommitRestartTest extends FtpTestSupport {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({ "delete=true, DELE, ", "move=done, RNFR, inbox/done/a.txt" })
    void aFileWhoseCommitFailedIsNotDeliveredAgainAfterARestartAndIsCommittedLater(String commitOption, String verb,
            String movedTo) throws Exception {
        writeRemote("inbox/a.txt", "hello");
        server.refuse(verb);
        Path store = tmp.resolve("ftp-consumed.txt");

        List<String> first = new CopyOnWriteArrayList<>();
        CamelContext before = consumer(store, commitOption, first);
        await().until(() -> first.size() == 1 && count(verb) >= 2); // delivered; the commit and one retry refused
        before.stop();
        assertThat(remote("inbox/a.txt")).as("refused commit leaves the file").exists();

        List<String> second = new CopyOnWriteArrayList<>();
        int refusedBeforeRestart = count(verb);
        CamelContext after = consumer(store, commitOption, second);
        try {
            await().until(() -> count(verb) >= refusedBeforeRestart + 2); // retried after the restart, still refused
            assertThat(second).as("delivered again after the restart").isEmpty();
            server.allow(verb);
            await().until(() -> !Files.exists(remote("inbox/a.txt")));
            Thread.sleep(200); // several more polls: nothing delivered
        } finally {
            after.stop();
        }
        assertThat(first).containsExactly("hello");
        assertThat(second).isEmpty();
        if (movedTo != null) {
            assertThat(remote(movedTo)).hasContent("hello");
        }
        assertThat(Files.readString(store)).as("pending entries left in the store").doesNotContain("a.txt");
    }

    private CamelContext consumer(Path store, String commitOption, List<String> delivered) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("store", FileIdempotentRepository.fileIdempotentRepository(store.toFile()));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("inbox", commitOption + "&idempotentRepository=#store&delay=50&initialDelay=0"))
                        .process(e -> delivered.add(e.getIn().getBody(String.class)));
            }
        });
        camel.start();
        return camel;
    }

    private int count(String verb) {
        return (int) server.commands().stream().filter(c -> c.startsWith(verb + " ")).count();
    }
}
