package io.netproto.camel.pop3;

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
 * Every pop3 parameter that reaches a command line refuses CR, LF, CRLF and NUL with an error naming it, before any
 * connection to the server is made.
 */
class Pop3InjectionTest extends InjectionTestSupport {

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
        return "pop3://" + server.host() + ":" + server.pop3Port() + "?startTls=optional&" + options;
    }

    static Stream<Arguments> headers() {
        Stream<Object[]> cases = Stream.of("list", "uidl", "retr", "dele", "top").flatMap(op -> Stream.of(
                new Object[] { op, Pop3Constants.UID },
                new Object[] { op, Pop3Constants.MESSAGE_NUMBER }));
        return LineBreaks.each(Stream.concat(cases, Stream.<Object[]> of(new Object[] { "top", Pop3Constants.TOP_LINES })));
    }

    @ParameterizedTest(name = "{0} {1} with {2}")
    @MethodSource("headers")
    void aLineBreakInAHeaderIsRefusedBeforeConnecting(String operation, String header, String lineBreak) {
        ServerUntouched untouched = unchanged(() -> server.acceptedConnections("pop3"));
        Exchange exchange = template.request(uri("username=alice&password=s3cret!"), e -> {
            e.getIn().setHeader(Pop3Constants.OPERATION, operation);
            e.getIn().setHeader(Pop3Constants.MESSAGE_NUMBER, 1);
            e.getIn().setHeader(header, "1" + lineBreak + "DELE 2");
        });
        assertRefused(exchange, "The header " + header + " must not contain CR, LF or NUL characters", untouched);
    }

    static Stream<Arguments> options() {
        return LineBreaks.each(Stream.of(new Object[] { "username" }, new Object[] { "password" },
                new Object[] { "spoolDirectory" }));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("options")
    void aLineBreakInAnOptionFailsTheEndpointNamingIt(String option, String lineBreak) {
        ServerUntouched untouched = unchanged(() -> server.acceptedConnections("pop3"));
        String options = withCredentials("alice", option, "x" + LineBreaks.encoded(lineBreak) + "DELE%201");
        assertOptionRefused(() -> template.requestBodyAndHeader(uri(options), null, Pop3Constants.OPERATION, "stat"),
                "The " + option + " option must not contain CR, LF or NUL characters", untouched);
    }
}
