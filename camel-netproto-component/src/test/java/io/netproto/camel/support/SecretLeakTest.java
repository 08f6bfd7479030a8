package io.netproto.camel.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netproto.camel.ftp.FtpComponent;
import io.netproto.camel.ftp.FtpEndpoint;
import io.netproto.camel.imap.ImapComponent;
import io.netproto.camel.imap.ImapEndpoint;
import io.netproto.camel.nntp.NntpComponent;
import io.netproto.camel.nntp.NntpEndpoint;
import io.netproto.camel.pop3.Pop3Component;
import io.netproto.camel.pop3.Pop3Endpoint;
import io.netproto.camel.smtp.SmtpComponent;
import io.netproto.camel.smtp.SmtpEndpoint;
import io.netproto.testkit.tls.TestTls;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a workload on every endpoint with the most verbose protocol trace (debugLevel=2) and Camel's own TRACE
 * logging, then scans every captured log line, every exception (message and stack trace) and every view of the
 * endpoints (toString, the sanitized URI, key and base URI as JMX shows them, the configuration's toString) for the
 * passwords, as is and base64 encoded (AUTH LOGIN, AUTH PLAIN).
 */
class SecretLeakTest {

    private static final String PASSWORD = "Zx9-Leak-Secret";
    private static final String WRONG = "Qw8-Wrong-Secret";
    private static final String[] VERBOSE = { "org.apache.camel", "io.netproto.camel" };
    /** The embedded servers' own logs are not the component's; they may log what they receive. */
    private static final String[] SERVER_LOGGERS = { "com.icegreen", "org.apache.ftpserver", "org.apache.mina", "io.netproto.testkit" };
    /**
     * Camel core's DEBUG/TRACE lines of endpoint resolution print the endpoint URI as written, before any component
     * sees it (camel-ftp and camel-mail share this); a password set on the component instead never is in a URI, see
     * {@link #aPasswordSetOnTheComponentAppearsNowhereEvenAtCamelTrace()}.
     */
    private static final String[] CAMEL_ENDPOINT_RESOLUTION = {
            "org.apache.camel.impl.engine.AbstractCamelContext Getting endpoint with",
            "org.apache.camel.impl.engine.AbstractCamelContext Endpoint uri: ",
            "org.apache.camel.impl.engine.AbstractCamelContext Creating endpoint from uri: ",
            "org.apache.camel.support.EndpointHelper Resolved property placeholders with uri: ",
            "org.apache.camel.support.DefaultComponent Creating endpoint uri=" };

    /** Per protocol: clear text, TLS, a wrong password, refused by plainTextPassword=never, the password in the user info. */
    @Test
    void aPasswordInTheUriAppearsInNoComponentLogExceptionOrEndpointView() throws Exception {
        try (AllServers servers = new AllServers(PASSWORD)) {
            Map<String, String> uris = new LinkedHashMap<>();
            for (String protocol : AllServers.PROTOCOLS) {
                int port = servers.plainPort(protocol);
                uris.put(protocol + "-plain", servers.plainUri(protocol, "debugLevel=2"));
                uris.put(protocol + "-tls", servers.tlsUri(protocol, "debugLevel=2"));
                uris.put(protocol + "-wrong", servers.plainUri(protocol, port, WRONG, "debugLevel=2"));
                uris.put(protocol + "-never", servers.plainUri(protocol, port, PASSWORD, "debugLevel=2&plainTextPassword=never"));
                uris.put(protocol + "-userinfo", servers.plainUri(protocol, port, PASSWORD, "debugLevel=2")
                        .replace("password=RAW(" + PASSWORD + ")&", "")
                        .replace("://" + AllServers.USER + "@", "://" + AllServers.USER + ":" + PASSWORD + "@"));
            }
            Scan scan = run(uris, context -> { });

            assertThat(scan.failed).as("the failing variants, and only they, failed")
                    .allMatch(name -> name.endsWith("-wrong") || name.endsWith("-never"))
                    .hasSize(2 * AllServers.PROTOCOLS.length);
            assertThat(scan.leaks(CAMEL_ENDPOINT_RESOLUTION)).as("texts showing a password").isEmpty();
        }
    }

    /** The way to keep a password out of Camel core's DEBUG/TRACE lines too: set it on the component, not in the URI. */
    @Test
    void aPasswordSetOnTheComponentAppearsNowhereEvenAtCamelTrace() throws Exception {
        try (AllServers servers = new AllServers(PASSWORD)) {
            Map<String, String> uris = new LinkedHashMap<>();
            for (String protocol : AllServers.PROTOCOLS) {
                uris.put(protocol + "-plain", servers.plainUri(protocol, "debugLevel=2").replace("password=RAW(" + PASSWORD + ")&", ""));
                uris.put(protocol + "-tls", servers.tlsUri(protocol, "debugLevel=2").replace("password=RAW(" + PASSWORD + ")&", ""));
            }
            Scan scan = run(uris, context -> {
                for (String scheme : new String[] { "netftp", "netftps", "nntp", "nntps", "pop3", "pop3s", "imap", "imaps",
                                                    "netsmtp", "netsmtps" }) {
                    configuration(context.getComponent(scheme)).setPassword(PASSWORD);
                }
            });

            assertThat(scan.failed).as("failed exchanges").isEmpty();
            assertThat(scan.leaks()).as("texts showing a password").isEmpty();
        }
    }

    /** Concurrent logins on one endpoint: the trace lines of parallel connections must not mix and unmask a secret. */
    @Test
    void concurrentLoginsKeepEveryTraceLineMasked() throws Exception {
        try (AllServers servers = new AllServers(PASSWORD); LogCapture logs = new LogCapture().verbose(VERBOSE)) {
            CamelContext context = new DefaultCamelContext();
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            List<Thread> threads = new ArrayList<>();
            List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (String protocol : AllServers.PROTOCOLS) {
                String uri = servers.plainUri(protocol, "debugLevel=2");
                for (int t = 0; t < 4; t++) {
                    Thread thread = new Thread(() -> {
                        for (int i = 0; i < 10; i++) {
                            Exchange exchange = template.request(uri, e -> e.getIn().setBody("concurrent"));
                            if (exchange.getException() != null) {
                                failures.add(exchange.getException());
                            }
                        }
                    });
                    threads.add(thread);
                    thread.start();
                }
            }
            for (Thread thread : threads) {
                thread.join();
            }
            context.stop();

            assertThat(failures).isEmpty();
            List<String> trace = logs.lines().stream().filter(l -> l.startsWith("io.netproto.camel.trace.")).toList();
            assertThat(trace).hasSizeGreaterThan(500);
            assertThat(trace.stream().filter(l -> SecretScan.contains(l, AllServers.USER, PASSWORD)).toList())
                    .as("trace lines showing the password").isEmpty();
        }
    }

    private static NetConfiguration configuration(Component component) {
        if (component instanceof FtpComponent ftp) {
            return ftp.getConfiguration();
        } else if (component instanceof NntpComponent nntp) {
            return nntp.getConfiguration();
        } else if (component instanceof Pop3Component pop3) {
            return pop3.getConfiguration();
        } else if (component instanceof ImapComponent imap) {
            return imap.getConfiguration();
        }
        return ((SmtpComponent) component).getConfiguration();
    }

    /** Sends one exchange through a route to each URI, all verbose, and collects what was shown. */
    private static Scan run(Map<String, String> uris, java.util.function.Consumer<CamelContext> setup) throws Exception {
        Scan scan = new Scan();
        try (LogCapture logs = new LogCapture().verbose(VERBOSE)) {
            CamelContext context = new DefaultCamelContext();
            context.getRegistry().bind("tls", TestTls.trustingParameters());
            setup.accept(context);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    uris.forEach((name, uri) -> from("direct:" + name).routeId(name).to(uri));
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            for (String name : uris.keySet()) {
                Exchange exchange = template.request("direct:" + name, e -> e.getIn().setBody("leak scan " + name));
                if (exchange.getException() != null) {
                    scan.failed.add(name);
                    scan.texts.add(stackTrace(exchange.getException()));
                }
            }
            for (Endpoint endpoint : context.getEndpoints()) {
                scan.texts.addAll(views(endpoint));
            }
            context.stop();
            scan.logLines.addAll(logs.lines());
        }
        for (String protocol : AllServers.PROTOCOLS) {
            assertThat(scan.logLines.stream().anyMatch(l -> l.startsWith("io.netproto.camel.trace." + protocol + " ")))
                    .as("the " + protocol + " trace was captured").isTrue();
        }
        assertThat(scan.logLines.stream().anyMatch(l -> l.startsWith("org.apache.camel") && l.contains("direct:")))
                .as("Camel's TRACE was captured").isTrue();
        return scan;
    }

    /** What JMX, logs and consoles show of an endpoint. */
    private static List<String> views(Endpoint endpoint) {
        List<String> views = new ArrayList<>(List.of(endpoint.toString(), URISupport.sanitizeUri(endpoint.getEndpointUri()),
                URISupport.sanitizeUri(endpoint.getEndpointKey()), URISupport.sanitizeUri(endpoint.getEndpointBaseUri())));
        Object configuration = endpoint instanceof FtpEndpoint ftp ? ftp.getConfiguration()
                : endpoint instanceof NntpEndpoint nntp ? nntp.getConfiguration()
                : endpoint instanceof Pop3Endpoint pop3 ? pop3.getConfiguration()
                : endpoint instanceof ImapEndpoint imap ? imap.getConfiguration()
                : endpoint instanceof SmtpEndpoint smtp ? smtp.getConfiguration() : null;
        if (configuration != null) {
            views.add(configuration.toString());
        }
        return views;
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    /** What one run showed: exception stack traces and endpoint views, log lines, and the routes that failed. */
    private static final class Scan {
        final List<String> texts = new ArrayList<>();
        final List<String> logLines = new ArrayList<>();
        final List<String> failed = new ArrayList<>();

        /** The texts and log lines (but those of the servers and the excluded prefixes) showing either password. */
        List<String> leaks(String... excludedPrefixes) {
            List<String> all = new ArrayList<>(texts);
            logLines.stream().filter(l -> !startsWithAny(l, SERVER_LOGGERS) && !startsWithAny(l, excludedPrefixes)).forEach(all::add);
            assertThat(all).hasSizeGreaterThan(500);
            return all.stream().filter(text -> SecretScan.contains(text, AllServers.USER, PASSWORD)
                                               || SecretScan.contains(text, AllServers.USER, WRONG)).toList();
        }

        private static boolean startsWithAny(String line, String[] prefixes) {
            for (String prefix : prefixes) {
                if (line.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }
}
