package io.netproto.camel.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint URI the README's Java examples use (double-quoted literals) is valid. */
class ReadmeUrisTest {

    private static final Pattern JAVA_URI = Pattern.compile("\"((?:netftps?|(?:net)?smtps?|(?:net)?pop3s?|(?:net)?imaps?|nntps?):[^\"]+)\"");

    @Test
    void readmeExamplesUseValidUris() throws Exception {
        Path readme = Path.of(System.getProperty("netproto.readme", "../README.md"));
        Matcher matcher = JAVA_URI.matcher(Files.readString(readme));
        List<String> uris = new ArrayList<>();
        while (matcher.find()) {
            uris.add(matcher.group(1));
        }
        assertThat(uris).hasSizeGreaterThanOrEqualTo(5);
        NetprotoCatalog catalog = NetprotoCatalog.load();
        uris.forEach(uri -> assertThat(catalog.validate(uri)).as(uri).isEmpty());
    }
}
