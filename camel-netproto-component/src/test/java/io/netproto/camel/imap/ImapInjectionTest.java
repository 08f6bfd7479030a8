package io.netproto.camel.imap;

import java.util.List;
import java.util.stream.Stream;

import io.netproto.camel.support.InjectionTestSupport;
import io.netproto.camel.support.LineBreaks;
import io.netproto.testkit.mail.EmbeddedMailServer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every imap parameter that reaches a command line (mailbox names, criteria, charset, UID sets, flags, patterns, fetch
 * parts) refuses CR, LF, CRLF and NUL with an error naming it, before any connection to the server is made.
 */
class ImapInjectionTest extends InjectionTestSupport {

    private static final String MESSAGE = "From: a@example.org\r\nTo: b@example.org\r\nSubject: s\r\n\r\nbody\r\n";

    private static EmbeddedMailServer server;

    @BeforeAll
    static void start() {
        server = EmbeddedMailServer.start().user("alice@example.org", "alice", "s3cret!");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String uri(String options) {
        return "imap://" + server.host() + ":" + server.imapPort() + "?startTls=optional&" + options;
    }

    static Stream<Arguments> headers() {
        List<String> withMailbox = List.of("select", "search", "fetch", "store", "copy", "move", "expunge", "append", "create",
                "delete");
        Stream<Object[]> mailbox = withMailbox.stream().map(op -> new Object[] { op, ImapConstants.MAILBOX });
        Stream<Object[]> others = Stream.of(
                new Object[] { "copy", ImapConstants.DESTINATION },
                new Object[] { "move", ImapConstants.DESTINATION },
                new Object[] { "search", ImapConstants.CRITERIA },
                new Object[] { "search", ImapConstants.CHARSET },
                new Object[] { "fetch", ImapConstants.UID },
                new Object[] { "store", ImapConstants.UID },
                new Object[] { "copy", ImapConstants.UID },
                new Object[] { "move", ImapConstants.UID },
                new Object[] { "expunge", ImapConstants.UID },
                new Object[] { "store", ImapConstants.FLAGS },
                new Object[] { "append", ImapConstants.FLAGS },
                new Object[] { "fetch", ImapConstants.FETCH_PARTS },
                new Object[] { "list", ImapConstants.PATTERN });
        return LineBreaks.each(Stream.concat(mailbox, others));
    }

    @ParameterizedTest(name = "{0} {1} with {2}")
    @MethodSource("headers")
    void aLineBreakInAHeaderIsRefusedBeforeConnecting(String operation, String header, String lineBreak) {
        ServerUntouched untouched = unchanged(() -> server.acceptedConnections("imap"));
        Exchange exchange = template.request(uri("username=alice&password=s3cret!"), e -> {
            e.getIn().setHeader(ImapConstants.OPERATION, operation);
            e.getIn().setHeader(ImapConstants.MAILBOX, "INBOX");
            e.getIn().setHeader(ImapConstants.DESTINATION, "Archive");
            e.getIn().setHeader(ImapConstants.UID, "1");
            e.getIn().setHeader(ImapConstants.FLAGS, "\\Seen");
            e.getIn().setHeader(header, "1" + lineBreak + "A1 DELETE INBOX");
            e.getIn().setBody(MESSAGE);
        });
        assertRefused(exchange, "The header " + header + " must", untouched);
    }

    static Stream<Arguments> options() {
        return LineBreaks.each(Stream.of("folder", "moveTo", "errorFolder", "criteria", "charset", "fetchParts", "username",
                "password").map(o -> new Object[] { o }));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("options")
    void aLineBreakInAnOptionFailsTheEndpointNamingIt(String option, String lineBreak) {
        ServerUntouched untouched = unchanged(() -> server.acceptedConnections("imap"));
        String options = withCredentials("alice", option, "FLAGS" + LineBreaks.encoded(lineBreak) + "A1%20DELETE%20INBOX");
        assertOptionRefused(() -> template.requestBodyAndHeader(uri(options), null, ImapConstants.OPERATION, "noop"),
                "The " + option + " option must", untouched);
    }
}
