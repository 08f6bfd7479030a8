package io.netproto.camel.mail;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import io.netproto.camel.support.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MailSchemeClashWarningTest {

    @Test
    void camelMailIsNotOnThisClassPath() {
        assertThat(CamelMailPresence.isPresent(getClass().getClassLoader())).isFalse();
        assertThat(CamelMailPresence.warnIfPresent(getClass().getClassLoader())).isFalse();
    }

    @Test
    void warnsOncePerClassLoaderWhenCamelMailIsVisible(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve(CamelMailPresence.MARKER);
        Files.createDirectories(marker.getParent());
        Files.write(marker, new byte[] { (byte) 0xca, (byte) 0xfe });
        try (URLClassLoader withCamelMail = new URLClassLoader(new URL[] { dir.toUri().toURL() }, null);
             LogCapture log = new LogCapture()) {
            assertThat(CamelMailPresence.isPresent(withCamelMail)).isTrue();

            assertThat(CamelMailPresence.warnIfPresent(withCamelMail)).isTrue();
            assertThat(CamelMailPresence.warnIfPresent(withCamelMail)).isFalse();

            assertThat(log.lines()).filteredOn(line -> line.contains("camel-mail is on the class path")).singleElement()
                    .satisfies(line -> assertThat(line).contains("netsmtp:").contains("netpop3:").contains("netimap:"));
        }
    }
}
