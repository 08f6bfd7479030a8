package io.netproto.camel.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererTest {

    private final NetprotoCatalog catalog = NetprotoCatalog.load();
    private final String page = new MarkdownRenderer().render(catalog.component("netftp").orElseThrow());

    /** The generated metadata read directly, independently of the catalog's own reader. */
    private static JsonObject netftpJson() throws Exception {
        try (InputStream in = MarkdownRendererTest.class.getResourceAsStream("/META-INF/io/netproto/camel/ftp/netftp.json")) {
            if (in == null) {
                throw new IOException("netftp.json is not on the class path");
            }
            return (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void pageHasEveryOptionAndHeaderOfTheJson() throws Exception {
        JsonObject json = netftpJson();
        for (String section : new String[] {"properties", "componentProperties", "headers"}) {
            Map<String, Object> entries = json.getJsonObject(section);
            assertThat(entries).isNotEmpty();
            entries.keySet().forEach(name -> assertThat(page).as(section + " " + name).contains("| `" + name + "` |"));
        }
    }

    @Test
    void pageHasSyntaxGroupsAndOperations() {
        assertThat(page).contains("```\nnetftp:host:port/directoryName[?options]\n```")
                .contains("Also accepted: `netftp:username@host:port/directoryName`.")
                .contains("## Path parameters", "### common", "### consumer", "### producer", "### security", "### scheduler")
                .contains("| `password` | string (secret) |")
                .contains("| `sortBy` | enum | `name` | Order of the files within one poll: none, name, time or size."
                          + " Values: `none`, `name`, `time`, `size`. |")
                .contains("per message by the `CamelNetFtpOperation` header")
                .contains("- `retrbinary`\n", "- `mlsd`\n");
    }
}
