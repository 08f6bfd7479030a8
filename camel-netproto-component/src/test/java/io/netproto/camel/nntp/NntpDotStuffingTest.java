package io.netproto.camel.nntp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The article as NNTP data: CRLF line ends whatever the input had, dot-stuffed lines, the terminating dot. */
class NntpDotStuffingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "LF ends                    | a\\nb\\n          | a\\r\\nb\\r\\n.\\r\\n",
            "CRLF ends                  | a\\r\\nb\\r\\n    | a\\r\\nb\\r\\n.\\r\\n",
            "lone CR ends               | a\\rb\\r          | a\\r\\nb\\r\\n.\\r\\n",
            "no break after the last    | a\\nb             | a\\r\\nb\\r\\n.\\r\\n",
            "empty lines kept           | a\\n\\n\\r\\nb     | a\\r\\n\\r\\n\\r\\nb\\r\\n.\\r\\n",
            "a CR then LF is one break  | a\\r\\n\\rb        | a\\r\\n\\r\\nb\\r\\n.\\r\\n",
            "dots doubled at line start | .a\\n..b\\nc.\\n.  | ..a\\r\\n...b\\r\\nc.\\r\\n..\\r\\n.\\r\\n",
    })
    void writesEveryLineWithCrlfAndStuffsDots(String name, String article, String data) {
        assertThat(NntpSession.dotStuffed(unescape(article))).isEqualTo(unescape(data));
    }

    private static String unescape(String text) {
        return text.replace("\\r", "\r").replace("\\n", "\n");
    }
}
