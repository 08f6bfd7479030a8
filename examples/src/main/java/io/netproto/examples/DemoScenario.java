package io.netproto.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netproto.camel.ftp.FtpConstants;
import io.netproto.camel.ftp.FtpEntry;
import org.apache.camel.ProducerTemplate;

/** The demo's steps, driven through netftp producers while the consumer route runs. */
final class DemoScenario {

    static final List<String> FILES = List.of("order-1.csv", "order-2.csv", "order-3.csv");
    private static final long WAIT_MILLIS = 20_000;

    private final ProducerTemplate template;
    private final DemoEndpoints endpoints;
    private final DemoRoutes routes;
    private final PrintStream out;

    DemoScenario(ProducerTemplate template, DemoEndpoints endpoints, DemoRoutes routes, PrintStream out) {
        this.template = template;
        this.endpoints = endpoints;
        this.routes = routes;
        this.out = out;
    }

    DemoSummary run() throws InterruptedException {
        for (int i = 0; i < FILES.size(); i++) {
            String name = FILES.get(i);
            byte[] content = ("id,item,quantity\n" + (i + 1) + ",widget-" + (i + 1) + "," + (i + 1) * 10 + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            String path = template.requestBodyAndHeader(endpoints.inboxUpload(), content, FtpConstants.FILE_NAME, name, String.class);
            out.printf("step 1  upload   %s (%d bytes)   [netftp producer, atomic upload]%n", path, content.length);
        }
        List<String> done = awaitMoved();
        out.printf("step 3  commit   /done now holds %s   [moved only after each exchange succeeded]%n", String.join(", ", done));
        List<String> inbox = names("inbox");
        List<String> outbox = new ArrayList<>();
        for (Object entry : template.requestBodyAndHeader(endpoints.root("dir"), null, FtpConstants.PATH, "outbox", List.class)) {
            outbox.add(((FtpEntry) entry).toString());
        }
        out.println("step 4  list     /outbox   [netftp producer, operation=dir]");
        outbox.forEach(line -> out.println("          " + line));
        return new DemoSummary(FILES, routes.processed(), done, inbox, outbox);
    }

    /** Waits until the consumer has moved every uploaded file to /done. */
    private List<String> awaitMoved() throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        List<String> done = names("done");
        while (done.size() < FILES.size() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            done = names("done");
        }
        if (done.size() < FILES.size()) {
            throw new IllegalStateException("The consumer moved only " + done + " to /done within " + WAIT_MILLIS + " ms");
        }
        return done;
    }

    /** The sorted names in a directory (operation nlst); empty when the directory does not exist yet. */
    private List<String> names(String directory) {
        List<String> names = new ArrayList<>();
        for (Object name : template.requestBodyAndHeader(endpoints.root("nlst"), null, FtpConstants.PATH, directory, List.class)) {
            names.add(name.toString());
        }
        names.sort(null);
        return names;
    }
}
