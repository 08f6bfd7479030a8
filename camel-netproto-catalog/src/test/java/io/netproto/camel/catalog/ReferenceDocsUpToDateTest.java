package io.netproto.camel.catalog;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The committed reference pages under docs/components must match the current JSON metadata. */
class ReferenceDocsUpToDateTest {

    private static final String REGENERATE = "regenerate them from the repository root with:\n"
            + "  mvn -B -q install -DskipTests && mvn -B -q -pl camel-netproto-catalog exec:java\n"
            + "and commit the result";

    @Test
    void committedPagesMatchTheMetadata() throws Exception {
        String dir = System.getProperty("netproto.docs.dir");
        assertThat(dir).as("system property netproto.docs.dir (set by the catalog pom)").isNotBlank();
        Path docs = Path.of(dir);
        NetprotoCatalog catalog = NetprotoCatalog.load();
        MarkdownRenderer renderer = new MarkdownRenderer();
        for (ComponentInfo component : catalog.components()) {
            Path page = docs.resolve(MarkdownRenderer.fileName(component.scheme()));
            if (!Files.exists(page)) {
                fail(page.normalize() + " is missing: " + REGENERATE);
            }
            String committed = Files.readString(page, StandardCharsets.UTF_8);
            String fresh = renderer.render(component);
            if (!committed.equals(fresh)) {
                fail(page.normalize() + " is stale (the component's metadata changed), " + firstDifference(committed, fresh)
                     + "\n" + REGENERATE);
            }
        }
    }

    private static String firstDifference(String committed, String fresh) {
        String[] a = committed.split("\n", -1);
        String[] b = fresh.split("\n", -1);
        int line = 0;
        while (line < a.length && line < b.length && a[line].equals(b[line])) {
            line++;
        }
        return "first difference at line " + (line + 1) + ":\n  committed: " + (line < a.length ? a[line] : "(end of file)")
               + "\n  expected:  " + (line < b.length ? b[line] : "(end of file)");
    }
}
