package io.netproto.camel.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the Markdown reference page of a component: URI syntax, path parameters, query options grouped
 * like Camel's own docs, component options, message headers and producer operations. The output depends
 * only on the JSON metadata, so committed pages can be compared with freshly rendered ones.
 */
public final class MarkdownRenderer {

    /** The file name of a scheme's page, such as {@code netftp.md}. */
    public static String fileName(String scheme) {
        return scheme + ".md";
    }

    /** Renders every component of the catalog into {@code directory} (created if missing); returns the files written. */
    public List<Path> writeAll(NetprotoCatalog catalog, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        for (ComponentInfo component : catalog.components()) {
            Path file = directory.resolve(fileName(component.scheme()));
            Files.writeString(file, render(component), StandardCharsets.UTF_8);
            written.add(file);
        }
        return written;
    }

    /** The Markdown page of one component. */
    public String render(ComponentInfo c) {
        StringBuilder md = new StringBuilder();
        md.append("<!-- Generated from ").append(c.scheme()).append(".json by the camel-netproto-catalog CLI"
                  + " (`docs` command); do not edit. See the README on how to regenerate. -->\n\n");
        md.append("# ").append(c.title()).append(" (`").append(c.scheme()).append("`)\n\n");
        md.append(Descriptions.markdown(c.description())).append("\n\n");
        md.append("Maven: `").append(c.groupId()).append(':').append(c.artifactId()).append("` · since ")
          .append(c.firstVersion()).append(" · category: ").append(c.label()).append("\n\n");
        syntax(md, c);
        pathParameters(md, c.pathParameters());
        queryOptions(md, c.queryOptions());
        componentOptions(md, c.componentOptions());
        headers(md, c.headers());
        operations(md, c);
        return md.toString();
    }

    private static void syntax(StringBuilder md, ComponentInfo c) {
        md.append("## URI syntax\n\n```\n").append(c.syntax()).append("[?options]\n```\n\n");
        if (c.alternativeSyntax() != null) {
            md.append("Also accepted: `").append(c.alternativeSyntax()).append("`.\n\n");
        }
    }

    private static void pathParameters(StringBuilder md, List<OptionInfo> options) {
        md.append("## Path parameters\n\n");
        MarkdownTable table = new MarkdownTable("Name", "Type", "Required", "Default", "Description");
        for (OptionInfo o : options) {
            table.row(code(o.name()), type(o), o.required() ? "yes" : "no", code(o.defaultValue()), description(o));
        }
        md.append(table).append('\n');
    }

    private static void queryOptions(StringBuilder md, List<OptionInfo> options) {
        md.append("## Query options\n\n").append(options.size())
          .append(" options, grouped by label. Options of the consumer apply to `from(...)`, of the producer to `to(...)`.\n\n");
        for (Map.Entry<String, List<OptionInfo>> group : byGroup(options).entrySet()) {
            md.append("### ").append(group.getKey()).append("\n\n");
            MarkdownTable table = new MarkdownTable("Option", "Type", "Default", "Description");
            for (OptionInfo o : group.getValue()) {
                table.row(code(o.name()), type(o), code(o.defaultValue()), description(o));
            }
            md.append(table).append('\n');
        }
    }

    private static void componentOptions(StringBuilder md, List<OptionInfo> options) {
        md.append("## Component options\n\nSet on the component; they are the defaults of every endpoint it creates.\n\n");
        MarkdownTable table = new MarkdownTable("Option", "Group", "Type", "Default", "Description");
        for (OptionInfo o : options) {
            table.row(code(o.name()), Descriptions.cell(o.group()), type(o), code(o.defaultValue()), description(o));
        }
        md.append(table).append('\n');
    }

    private static void headers(StringBuilder md, List<HeaderInfo> headers) {
        md.append("## Message headers\n\n");
        if (headers.isEmpty()) {
            md.append("The endpoint reads and sets no headers of its own.\n\n");
            return;
        }
        MarkdownTable table = new MarkdownTable("Header", "Used by", "Java type", "Description");
        for (HeaderInfo h : headers) {
            String text = Descriptions.markdown(h.description()) + values(h.enums());
            table.row(code(h.name()), Descriptions.cell(h.group()), code(h.javaType()), text);
        }
        md.append(table).append('\n');
    }

    private static void operations(StringBuilder md, ComponentInfo c) {
        if (c.operations().isEmpty()) {
            return;
        }
        md.append("## Producer operations\n\nChosen by the `operation` option");
        c.operationHeader().ifPresent(h -> md.append(", or per message by the `").append(h.name()).append("` header"));
        md.append(":\n\n");
        c.operations().forEach(op -> md.append("- `").append(op).append("`\n"));
    }

    private static Map<String, List<OptionInfo>> byGroup(List<OptionInfo> options) {
        return options.stream().collect(Collectors.groupingBy(OptionInfo::group, LinkedHashMap::new, Collectors.toList()));
    }

    private static String type(OptionInfo o) {
        return o.secret() ? o.type() + " (secret)" : o.type();
    }

    private static String description(OptionInfo o) {
        String text = Descriptions.markdown(o.description()) + values(o.enums());
        return o.deprecated() ? "**Deprecated.** " + text : text;
    }

    private static String values(List<String> enums) {
        return enums.isEmpty() ? "" : " Values: " + enums.stream().map(MarkdownRenderer::code).collect(Collectors.joining(", ")) + ".";
    }

    private static String code(String value) {
        return value == null || value.isEmpty() ? "" : "`" + Descriptions.cell(value) + "`";
    }
}
