package io.netproto.camel.ftp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** verifyUploadSize: a binary upload is checked with SIZE after STOR by default, and not when switched off. */
class FtpUploadVerificationTest extends FtpTestSupport {

    private List<String> commandsAfterLogin() {
        List<String> all = server.commands();
        return all.subList(all.lastIndexOf("PASS ****") + 1, all.size());
    }

    @Test
    void aBinaryUploadIsCheckedWithSizeByDefault() {
        request(uri("out", "atomicUpload=false"), "12345".getBytes(StandardCharsets.US_ASCII), Map.of(Exchange.FILE_NAME, "a.bin"));
        assertThat(remote("out/a.bin")).hasContent("12345");
        List<String> commands = commandsAfterLogin();
        int stor = commands.indexOf(commands.stream().filter(c -> c.startsWith("STOR")).findFirst().orElseThrow());
        assertThat(commands.get(stor + 1)).startsWith("SIZE").endsWith("a.bin");
    }

    @Test
    void verifyUploadSizeFalseSavesTheRoundTrip() {
        request(uri("out", "atomicUpload=false&verifyUploadSize=false"), "12345".getBytes(StandardCharsets.US_ASCII),
                Map.of(Exchange.FILE_NAME, "b.bin"));
        assertThat(remote("out/b.bin")).hasContent("12345");
        assertThat(commandsAfterLogin()).anyMatch(c -> c.startsWith("STOR")).noneMatch(c -> c.startsWith("SIZE"));
    }
}
