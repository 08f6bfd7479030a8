package io.netproto.camel.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a component's metadata as plain text for a terminal (the CLI's {@code explain}): aligned
 * columns per option and header, each followed by its description wrapped below it.
 */
public final class TextRenderer {

    private static final int WIDTH = 100;
    private static final String INDENT = "      ";

    /** The options, headers and operations of a component as text. */
    public String render(ComponentInfo c) {
        StringBuilder out = new StringBuilder();
        out.append(c.scheme()).append(" - ").append(c.title()).append('\n');
        wrap(out, Descriptions.plain(c.description()), "");
        out.append("\nSyntax: ").append(c.syntax()).append("[?options]\n");
        if (c.alternativeSyntax() != null) {
            out.append("        ").append(c.alternativeSyntax()).append('\n');
        }
        out.append("\nOPTIONS\n");
        List<Row> options = new ArrayList<>();
        options.add(new Row(new String[] {"NAME", "KIND", "GROUP", "TYPE", "DEFAULT"}, null));
        for (OptionInfo o : c.endpointOptions()) {
            String[] cells = {o.name(), o.isPath() ? "path" : "query", o.group(), o.secret() ? o.type() + " (secret)" : o.type(),
                o.required() ? "(required)" : nullToEmpty(o.defaultValue())};
            options.add(new Row(cells, Descriptions.plain(o.description()) + values(o.enums())));
        }
        table(out, options);
        if (!c.headers().isEmpty()) {
            out.append("\nHEADERS\n");
            List<Row> headers = new ArrayList<>();
            headers.add(new Row(new String[] {"NAME", "USED BY", "TYPE"}, null));
            for (HeaderInfo h : c.headers()) {
                headers.add(new Row(new String[] {h.name(), h.group(), h.javaType()},
                        Descriptions.plain(h.description()) + values(h.enums())));
            }
            table(out, headers);
        }
        if (!c.operations().isEmpty()) {
            out.append("\nOPERATIONS (option operation").append(c.operationHeader().map(h -> " or header " + h.name()).orElse(""))
               .append(")\n");
            wrap(out, String.join(", ", c.operations()), "  ");
        }
        return out.toString();
    }

    private record Row(String[] cells, String description) {
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String values(List<String> enums) {
        return enums.isEmpty() ? "" : " Values: " + String.join(", ", enums) + ".";
    }

    /** Pads the columns to their widest cell and wraps each description below its row. */
    private static void table(StringBuilder out, List<Row> rows) {
        int columns = rows.get(0).cells().length;
        int[] widths = new int[columns];
        for (Row row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.cells()[i].length());
            }
        }
        for (Row row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < columns; i++) {
                line.append(String.format("%-" + widths[i] + "s  ", row.cells()[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (row.description() != null && !row.description().isBlank()) {
                wrap(out, row.description(), INDENT);
            }
        }
    }

    private static void wrap(StringBuilder out, String text, String indent) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        out.append(line).append('\n');
    }
}
