package io.netproto.camel.catalog;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table built row by row; cells must already be escaped. */
final class MarkdownTable {

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    MarkdownTable(String... header) {
        this.columns = header.length;
        rows.add(header);
    }

    void row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("Expected " + columns + " cells, got " + cells.length);
        }
        rows.add(cells);
    }

    @Override
    public String toString() {
        StringBuilder md = new StringBuilder();
        line(md, rows.get(0));
        md.append('|');
        for (int i = 0; i < columns; i++) {
            md.append("---|");
        }
        md.append('\n');
        rows.stream().skip(1).forEach(row -> line(md, row));
        return md.toString();
    }

    private static void line(StringBuilder md, String[] cells) {
        md.append('|');
        for (String cell : cells) {
            md.append(' ').append(cell).append(" |");
        }
        md.append('\n');
    }
}
