package io.netproto.camel.ftp;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.netproto.camel.support.InjectionTestSupport;
import io.netproto.camel.support.LineBreaks;
import io.netproto.testkit.ftp.EmbeddedFtpServer;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every netftp parameter that becomes part of a command line refuses CR, LF, CRLF and NUL with an error naming it,
 * before anything reaches the server: the server's command log stays empty.
 */
class FtpInjectionTest extends InjectionTestSupport {

    private static final String USER = "alice";
    private static final String PASSWORD = "s3cret!";

    private static EmbeddedFtpServer server;
    /** The server's command log stays empty. */
    private static final ServerUntouched NO_COMMAND = () -> assertThat(server.commands()).isEmpty();

    @BeforeAll
    static void start() {
        server = EmbeddedFtpServer.builder().user(USER, PASSWORD).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void forgetCommands() {
        server.clearCommands();
    }

    private static String uri(String options) {
        return "netftp://" + USER + "@" + server.host() + ":" + server.port() + "/in?password=" + PASSWORD
               + (options.isEmpty() ? "" : "&" + options);
    }

    static Stream<Arguments> headers() {
        Stream<Object[]> cases = Stream.of(
                new Object[] { "storbinary", FtpConstants.FILE_NAME, "file name (header CamelFileName)" },
                new Object[] { "storlines", FtpConstants.FILE_NAME, "file name (header CamelFileName)" },
                new Object[] { "append", FtpConstants.FILE_NAME, "file name (header CamelFileName)" },
                new Object[] { "retrbinary", FtpConstants.FILE_NAME, "file name (header CamelFileName)" },
                new Object[] { "retrlines", FtpConstants.FILE_NAME, "file name (header CamelFileName)" },
                new Object[] { "rename", FtpConstants.FILE_NAME, "file name (header CamelFileName)" },
                new Object[] { "delete", FtpConstants.FILE_NAME, "file name (header CamelFileName)" },
                new Object[] { "size", FtpConstants.FILE_NAME, "file name (header CamelFileName)" },
                new Object[] { "mdtm", FtpConstants.FILE_NAME, "file name (header CamelFileName)" },
                new Object[] { "rename", FtpConstants.NEW_NAME, "new name (header CamelNetFtpNewName)" },
                new Object[] { "cwd", FtpConstants.PATH, "path (header CamelNetFtpPath)" },
                new Object[] { "dir", FtpConstants.PATH, "path (header CamelNetFtpPath)" },
                new Object[] { "nlst", FtpConstants.PATH, "path (header CamelNetFtpPath)" },
                new Object[] { "mlsd", FtpConstants.PATH, "path (header CamelNetFtpPath)" },
                new Object[] { "mkd", FtpConstants.PATH, "path (header CamelNetFtpPath)" },
                new Object[] { "rmd", FtpConstants.PATH, "path (header CamelNetFtpPath)" });
        return LineBreaks.each(cases);
    }

    @ParameterizedTest(name = "{0} {1} with {3}")
    @MethodSource("headers")
    void aLineBreakInAHeaderIsRefusedBeforeAnyCommand(String operation, String header, String named, String lineBreak) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(FtpConstants.OPERATION, operation);
        headers.put(FtpConstants.FILE_NAME, "a.txt");
        headers.put(FtpConstants.NEW_NAME, "b.txt");
        headers.put(header, "x" + lineBreak + "DELE important.txt");
        Exchange exchange = template.request(uri(""), e -> {
            e.getIn().setHeaders(headers);
            e.getIn().setBody("data");
        });
        assertRefused(exchange, "The " + named + " must not contain CR, LF or NUL characters", NO_COMMAND);
    }

    static Stream<Arguments> options() {
        return LineBreaks.each(Stream.of(
                new Object[] { "fileName", "fileName option" },
                new Object[] { "move", "move option" },
                new Object[] { "moveFailed", "moveFailed option" },
                new Object[] { "tempPrefix", "tempPrefix option" },
                new Object[] { "account", "account option" },
                new Object[] { "username", "username option" },
                new Object[] { "password", "password option" }));
    }

    @ParameterizedTest(name = "{0} with {2}")
    @MethodSource("options")
    void aLineBreakInAnOptionFailsTheEndpointNamingIt(String option, String named, String lineBreak) {
        String uri = "netftp://" + server.host() + ":" + server.port() + "/in?" + option + "=x" + LineBreaks.encoded(lineBreak)
                     + "DELE%20important.txt";
        assertOptionRefused(() -> template.requestBody(uri, "data"),
                "The " + named + " must not contain CR, LF or NUL characters", NO_COMMAND);
    }

    /** Camel itself refuses the decoded break in the URI path; the directory check stands behind it. */
    @ParameterizedTest(name = "directory with {0}")
    @MethodSource("io.netproto.camel.support.LineBreaks#names")
    void aLineBreakInTheDirectoryFailsTheEndpoint(String lineBreak) {
        String uri = "netftp://" + server.host() + ":" + server.port() + "/in" + LineBreaks.encoded(lineBreak) + "DELE%20x";
        assertThatThrownBy(() -> template.requestBody(uri, "data")).isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("Illegal character in path");
        assertThat(server.commands()).isEmpty();
        assertThatThrownBy(() -> RemotePaths.directory("in" + lineBreak + "DELE x"))
                .hasMessageContaining("The directory of the endpoint URI must not contain CR, LF or NUL characters");
    }
}
