package io.netproto.camel.smtp;

import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import io.netproto.camel.support.InjectionTestSupport;
import io.netproto.camel.support.LineBreaks;
import io.netproto.testkit.mail.EmbeddedMailServer;
import jakarta.activation.DataHandler;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.attachment.DefaultAttachment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every smtp parameter that reaches the SMTP dialogue or the mail's header block refuses CR, LF, CRLF and NUL with an
 * error naming it, before any command is sent (the server's command log stays empty) and before any mail is stored.
 */
class SmtpInjectionTest extends InjectionTestSupport {

    private static final String ALLOW_HEADERS = "to=bob@example.org&useHeaderRecipients=true&useHeaderFrom=true"
                                                + "&useHeaderReplyTo=true&useHeaderSubject=true";

    private static EmbeddedMailServer mail;
    /** No SMTP command was sent and no mail stored. */
    private static final ServerUntouched NO_COMMAND = () -> {
        assertThat(mail.smtpCommands()).isEmpty();
        assertThat(mail.greenMail().getReceivedMessages()).isEmpty();
    };

    @BeforeAll
    static void start() {
        mail = EmbeddedMailServer.start();
    }

    @AfterAll
    static void stop() {
        mail.close();
    }

    @BeforeEach
    void forgetCommands() {
        mail.clearSmtpCommands();
    }

    private static String uri(String options) {
        return "netsmtp://" + mail.host() + ":" + mail.smtpPort() + "?" + options;
    }

    private static Object[] header(String name, String named) {
        return new Object[] { name, named, (BiConsumer<Message, String>) (m, v) -> m.setHeader(name, v) };
    }

    private static Object[] attachment(String what, String named, BiConsumer<DefaultAttachment, String> tamper) {
        BiConsumer<Message, String> setter = (m, v) -> {
            DefaultAttachment attachment = new DefaultAttachment(new DataHandler(
                    new ByteArrayDataSource("data".getBytes(StandardCharsets.UTF_8), "text/plain")));
            tamper.accept(attachment, v);
            String name = what.equals("attachment name") ? v : "a.txt";
            m.getExchange().getIn(AttachmentMessage.class).addAttachmentObject(name, attachment);
        };
        return new Object[] { what, named, setter };
    }

    static Stream<Arguments> headers() {
        return LineBreaks.each(Stream.of(
                header("To", "mail header To"),
                header("Cc", "mail header Cc"),
                header("Bcc", "mail header Bcc"),
                header("From", "mail header From"),
                header("Sender", "mail header Sender"),
                header("Reply-To", "mail header Reply-To"),
                header("Subject", "mail header Subject"),
                header("Content-Type", "mail header Content-Type"),
                header("X-Campaign", "mail header X-Campaign"),
                header(SmtpConstants.DSN_NOTIFY, "DSN NOTIFY"),
                header(SmtpConstants.DSN_RET, SmtpConstants.DSN_RET),
                new Object[] { "a header name", "mail header name",
                               (BiConsumer<Message, String>) (m, v) -> m.setHeader("X-A" + v + "Bcc", "victim@example.com") },
                attachment("attachment name", "attachment name", (a, v) -> {
                }),
                attachment("attachment header", "header X-Note of attachment", (a, v) -> a.addHeader("X-Note", v)),
                attachment("attachment header name", "header name X-B", (a, v) -> a.addHeader("X-B" + v + "Bcc", "x"))));
    }

    @ParameterizedTest(name = "{0} with {3}")
    @MethodSource("headers")
    void aLineBreakInAHeaderIsRefusedBeforeAnyCommand(String what, String named, BiConsumer<Message, String> set,
            String lineBreak) {
        Exchange exchange = template.request(uri(ALLOW_HEADERS), e -> {
            e.getIn().setBody("body");
            set.accept(e.getIn(), "carol@example.org" + lineBreak + "RCPT TO:<victim@example.com>");
        });
        assertRefused(exchange, named, NO_COMMAND);
    }

    static Stream<Arguments> options() {
        return LineBreaks.each(Stream.of("from", "to", "cc", "bcc", "replyTo", "subject", "envelopeFrom", "mailExtension",
                "heloName", "contentType", "dsnNotify", "dsnRet", "username", "password").map(o -> new Object[] { o }));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("options")
    void aLineBreakInAnOptionFailsTheEndpointNamingIt(String option, String lineBreak) {
        String options = (option.equals("to") ? "" : "to=bob@example.org&") + option + "=carol@example.org"
                         + LineBreaks.encoded(lineBreak) + "RCPT%20TO:%3Cvictim@example.com%3E"
                         + (option.equals("username") ? "&password=x" : "");
        String named = switch (option) {
            case "dsnNotify" -> "DSN NOTIFY (option dsnNotify or header CamelSmtpDsnNotify) must not contain CR, LF or NUL";
            case "dsnRet" -> "Option dsnRet must be FULL or HDRS";
            default -> "The " + option + " option must not contain CR, LF or NUL";
        };
        assertOptionRefused(() -> template.requestBody(uri(options), "body"), named, NO_COMMAND);
    }
}
