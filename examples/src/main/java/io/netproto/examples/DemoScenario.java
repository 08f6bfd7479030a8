package io.netproto.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netproto.camel.ftp.FtpConstants;
import io.netproto.camel.ftp.FtpEntry;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/**
 * The demo's steps once Camel runs: uploads a few files to /inbox with a netftp producer, starts the route that
 * picks them up, waits until the digest of their journey has come back as a file in /archive, and lists /archive.
 */
final class DemoScenario {

    static final List<String> FILES = List.of("order-1.csv", "order-2.csv", "order-3.csv");
    private static final long WAIT_MILLIS = 60_000;

    private final CamelContext context;
    private final ProducerTemplate template;
    private final DemoEndpoints endpoints;
    private final DemoRoutes routes;
    private final PrintStream out;

    DemoScenario(CamelContext context, DemoEndpoints endpoints, DemoRoutes routes, PrintStream out) {
        this.context = context;
        this.template = context.createProducerTemplate();
        this.endpoints = endpoints;
        this.routes = routes;
        this.out = out;
    }

    DemoSummary run() throws Exception {
        for (int i = 0; i < FILES.size(); i++) {
            String name = FILES.get(i);
            byte[] content = ("id,item,quantity\n" + (i + 1) + ",widget-" + (i + 1) + "," + (i + 1) * 10 + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            String path = template.requestBodyAndHeader(endpoints.inboxUpload(), content, FtpConstants.FILE_NAME, name, String.class);
            routes.step(1, "upload", path + " (" + content.length + " bytes)", "netftp producer, atomic upload");
        }
        context.getRouteController().startRoute(DemoRoutes.FTP_TO_MAIL);
        if (!routes.awaitFirstArchive(WAIT_MILLIS)) {
            throw new IllegalStateException("No digest came back to /archive within " + WAIT_MILLIS + " ms: mailed "
                                            + routes.mailed() + ", read over IMAP " + routes.readByImap() + ", over POP3 "
                                            + routes.readByPop3() + ", posted " + routes.posted());
        }
        List<String> archive = new ArrayList<>();
        for (Object entry : template.requestBodyAndHeader(endpoints.ftpOperation("dir"), null, FtpConstants.PATH, "archive", List.class)) {
            archive.add(((FtpEntry) entry).toString());
        }
        routes.step(7, "list", "/archive", "netftp producer, operation=dir");
        archive.forEach(line -> out.println("          " + line));
        return new DemoSummary(FILES, routes.mailed(), routes.readByImap(), routes.readByPop3(), routes.posted(),
                routes.archived(), names("inbox"));
    }

    /** The sorted names in a directory (operation nlst); empty when the directory does not exist. */
    private List<String> names(String directory) {
        List<String> names = new ArrayList<>();
        for (Object name : template.requestBodyAndHeader(endpoints.ftpOperation("nlst"), null, FtpConstants.PATH, directory, List.class)) {
            names.add(name.toString());
        }
        names.sort(null);
        return names;
    }
}
