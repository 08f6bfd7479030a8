package io.netproto.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netproto.camel.ftp.FtpConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The demo's route: a netftp consumer picks up each file in /inbox, upper-cases its text and uploads the
 * result to /outbox; the consumer then moves the original to /done (only because the exchange succeeded).
 */
final class DemoRoutes extends RouteBuilder {

    private static final String SOURCE = "demoSource";

    private final DemoEndpoints endpoints;
    private final PrintStream out;
    private final List<String> processed = new CopyOnWriteArrayList<>();

    DemoRoutes(DemoEndpoints endpoints, PrintStream out) {
        this.endpoints = endpoints;
        this.out = out;
    }

    @Override
    public void configure() {
        from(endpoints.inboxConsumer()).routeId("inbox-to-outbox")
                .process(DemoRoutes::upperCase)
                .to(endpoints.outboxUpload())
                .process(this::report);
    }

    private static void upperCase(Exchange exchange) {
        exchange.setProperty(SOURCE, exchange.getIn().getHeader(FtpConstants.REMOTE_PATH, String.class));
        String text = exchange.getIn().getBody(String.class);
        exchange.getIn().setBody(text.toUpperCase(Locale.ROOT));
    }

    private void report(Exchange exchange) {
        String target = exchange.getMessage().getHeader(FtpConstants.REMOTE_PATH, String.class);
        processed.add(exchange.getMessage().getHeader(FtpConstants.FILE_NAME, String.class));
        out.printf("step 2  consume  %s -> upper-cased -> %s   [netftp consumer + producer]%n",
                exchange.getProperty(SOURCE, String.class), target);
    }

    /** Names of the files the route has processed so far. */
    List<String> processed() {
        return List.copyOf(processed);
    }
}
