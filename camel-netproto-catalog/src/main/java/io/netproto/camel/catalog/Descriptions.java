package io.netproto.camel.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the Javadoc remnants of the JSON descriptions ({@code {code x}}, {@code {link x}}) into plain or Markdown text. */
final class Descriptions {

    private static final Pattern INLINE_TAG = Pattern.compile("\\{(?:code|link|linkplain|literal) ?([^}]*)}");

    private Descriptions() {
    }

    /** The description as Markdown: inline tags become code spans, table-breaking characters are escaped. */
    static String markdown(String description) {
        String text = INLINE_TAG.matcher(description)
                .replaceAll(m -> m.group(1).isBlank() ? "" : Matcher.quoteReplacement("`" + m.group(1).strip() + "`"));
        return cell(text);
    }

    /** The description as plain text: inline tags reduced to their content. */
    static String plain(String description) {
        return INLINE_TAG.matcher(description).replaceAll(m -> Matcher.quoteReplacement(m.group(1).strip()))
                .replaceAll("\\s+", " ").strip();
    }

    /** Text safe inside a Markdown table cell: one line, pipes escaped. */
    static String cell(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip().replace("|", "\\|");
    }
}
