package io.netproto.camel.mail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extractor decodes received text parts itself (transfer encoding and charset) instead of asking Jakarta Mail's
 * content handlers: each case is a received message whose body must come out exactly as {@code getContent()} reads it.
 */
class MimeExtractorTest {

    private static final Session SESSION = Session.getInstance(new Properties());

    @ParameterizedTest
    @ValueSource(strings = {
            // base64, UTF-8
            "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + "R3LDvMOfZSBhdXMgTcO8bmNoZW4K\r\n",
            // quoted-printable, ISO-8859-1, soft line break
            "Content-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + "Gr=FC=DFe aus M=FCnchen, eine sehr lange Zeile, die weich umbrochen wir=\r\nd.\r\n",
            // 8bit without a charset: US-ASCII, non-ASCII bytes become replacement characters
            "Content-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n\r\nGr\u00fc\u00dfe\r\n",
            // no Content-Type at all: text/plain; charset=us-ascii
            "Subject: none\r\n\r\nplain words\r\n",
            // HTML with an upper-case encoding name
            "Content-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: BASE64\r\n\r\n"
            + "PHA+R3LDvMOfZTwvcD4=\r\n",
            // text/xml, 7bit
            "Content-Type: text/xml; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\n\r\n<a>b</a>\r\n",
            // left to Jakarta Mail: uuencode
            "Content-Type: text/plain\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\nbegin 644 t.txt\r\n#:&DA\r\n`\r\nend\r\n",
            // a multipart whose text part is base64
            "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=UTF-8\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\nw6TDtsO8\r\n--b--\r\n"
    })
    void receivedTextComesOutAsJakartaMailReadsIt(String raw) throws Exception {
        byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
        Object expected = new ContentReader().text(new MimeMessage(SESSION, new ByteArrayInputStream(bytes)));

        MimeExtractor.Extracted extracted = new MimeExtractor("UTF-8")
                .extract(new MimeMessage(SESSION, new ByteArrayInputStream(bytes)));

        assertThat(extracted.body()).isInstanceOf(String.class).isEqualTo(expected);
    }

    @Test
    void anIllegalCharsetNameFallsBackToTheDefaultCharset() throws Exception {
        byte[] bytes = "Content-Type: text/plain; charset=\"bad name\"\r\n\r\nGr\u00fc\u00dfe\r\n"
                .getBytes(StandardCharsets.UTF_8);

        MimeExtractor.Extracted extracted = new MimeExtractor("UTF-8")
                .extract(new MimeMessage(SESSION, new ByteArrayInputStream(bytes)));

        assertThat(extracted.body()).isEqualTo("Gr\u00fc\u00dfe\r\n");
    }

    /** Jakarta Mail's own reading: the first text part's getContent(). */
    private static final class ContentReader {
        Object text(jakarta.mail.Part part) throws Exception {
            Object content = part.getContent();
            if (content instanceof jakarta.mail.Multipart multipart) {
                return text(multipart.getBodyPart(0));
            }
            return content;
        }
    }
}
