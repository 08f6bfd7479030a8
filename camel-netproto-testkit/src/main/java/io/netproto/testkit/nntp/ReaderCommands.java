package io.netproto.testkit.nntp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 3977 reading commands of one connection: GROUP, LISTGROUP, ARTICLE, HEAD, BODY, STAT, NEXT, LAST, OVER
 * (and XOVER), HDR (and XHDR). A message-id argument never changes the selected group or current article, and its
 * responses carry article number 0.
 */
final class ReaderCommands {

    /** ARTICLE, HEAD, BODY and STAT: one lookup, four success codes. */
    enum Retrieval {
        ARTICLE(220), HEAD(221), BODY(222), STAT(223);

        private final int code;

        Retrieval(int code) {
            this.code = code;
        }
    }

    private record Numbered(long number, Article article) {
    }

    private final Session session;

    ReaderCommands(Session session) {
        this.session = session;
    }

    void group(String args) throws IOException, ReplyException {
        String[] tokens = Commands.tokens(args, 1, 1);
        GroupStatus status = existingGroup(tokens[0]);
        session.select(status.name(), status.count() > 0 ? status.low() : 0);
        session.writer().status(211, status.count() + " " + status.low() + " " + status.high() + " " + status.name());
    }

    void listGroup(String args) throws IOException, ReplyException {
        String[] tokens = Commands.tokens(args, 0, 2);
        GroupStatus status = existingGroup(tokens.length > 0 ? tokens[0] : session.requireGroup());
        ArticleRange range = tokens.length > 1 ? range(tokens[1]) : new ArticleRange(0, Long.MAX_VALUE);
        List<String> numbers = session.store().range(status.name(), range.first(), range.last()).stream()
                .map(article -> Long.toString(article.numbers().get(status.name()))).toList();
        session.select(status.name(), status.count() > 0 ? status.low() : 0);
        session.writer().multiLine(211, status.count() + " " + status.low() + " " + status.high() + " "
                                        + status.name() + " list follows",
                numbers);
    }

    void retrieve(Retrieval kind, String args) throws IOException, ReplyException {
        String[] tokens = Commands.tokens(args, 0, 1);
        Numbered found;
        if (tokens.length == 0) {
            found = current();
        } else if (ArticleRange.isMessageId(tokens[0])) {
            found = byMessageId(tokens[0]);
        } else {
            long number = number(tokens[0]);
            String group = session.requireGroup();
            Article article = session.store().byNumber(group, number)
                    .orElseThrow(() -> new ReplyException(423, "No article with that number"));
            session.pointTo(number);
            found = new Numbered(number, article);
        }
        String text = found.number() + " " + found.article().messageId();
        List<String> lines = new ArrayList<>();
        if (kind == Retrieval.ARTICLE || kind == Retrieval.HEAD) {
            lines.addAll(ArticleFormat.headLines(found.article()));
        }
        if (kind == Retrieval.ARTICLE) {
            lines.add("");
        }
        if (kind == Retrieval.ARTICLE || kind == Retrieval.BODY) {
            lines.addAll(ArticleFormat.bodyLines(found.article()));
        }
        if (kind == Retrieval.STAT) {
            session.writer().status(kind.code, text);
        } else {
            session.writer().multiLine(kind.code, text, lines);
        }
    }

    void next(String args) throws IOException, ReplyException {
        Commands.tokens(args, 0, 0);
        long pointer = session.requirePointer();
        String group = session.requireGroup();
        Article article = session.store().next(group, pointer)
                .orElseThrow(() -> new ReplyException(421, "No next article in this group"));
        moveTo(group, article);
    }

    void last(String args) throws IOException, ReplyException {
        Commands.tokens(args, 0, 0);
        long pointer = session.requirePointer();
        String group = session.requireGroup();
        Article article = session.store().previous(group, pointer)
                .orElseThrow(() -> new ReplyException(422, "No previous article in this group"));
        moveTo(group, article);
    }

    /** OVER and XOVER: {@code [range|message-id]}, one overview line per article. */
    void over(String args) throws IOException, ReplyException {
        String[] tokens = Commands.tokens(args, 0, 1);
        List<String> lines = select(tokens.length > 0 ? tokens[0] : null).stream()
                .map(n -> ArticleFormat.overview(n.number(), n.article(), !session.switches().overviewSizesOmitted()))
                .toList();
        session.writer().multiLine(224, "Overview information follows", lines);
    }

    /** HDR (225) and XHDR (221): {@code field [range|message-id]}, one "number value" line per article. */
    void hdr(String args, boolean xhdr) throws IOException, ReplyException {
        String[] tokens = Commands.tokens(args, 1, 2);
        String field = tokens[0];
        List<String> lines = select(tokens.length > 1 ? tokens[1] : null).stream()
                .map(n -> n.number() + " " + ArticleFormat.field(n.article(), field)).toList();
        if (xhdr) {
            session.writer().multiLine(221, "Header follows", lines);
        } else {
            session.writer().multiLine(225, "Headers follow", lines);
        }
    }

    private void moveTo(String group, Article article) throws IOException {
        long number = article.numbers().get(group);
        session.pointTo(number);
        session.writer().status(223, number + " " + article.messageId() + " Article found");
    }

    /** The articles an OVER or HDR argument names: the current article, one message-id, or a range. */
    private List<Numbered> select(String argument) throws ReplyException {
        if (argument == null) {
            return List.of(current());
        }
        if (ArticleRange.isMessageId(argument)) {
            return List.of(byMessageId(argument));
        }
        ArticleRange range = range(argument);
        String group = session.requireGroup();
        List<Numbered> selected = session.store().range(group, range.first(), range.last()).stream()
                .map(article -> new Numbered(article.numbers().get(group), article)).toList();
        if (selected.isEmpty()) {
            throw new ReplyException(423, "No articles in that range");
        }
        return selected;
    }

    private Numbered current() throws ReplyException {
        long pointer = session.requirePointer();
        Article article = session.store().byNumber(session.requireGroup(), pointer)
                .orElseThrow(() -> new ReplyException(420, "Current article number is invalid"));
        return new Numbered(pointer, article);
    }

    private Numbered byMessageId(String messageId) throws ReplyException {
        if (!NewsStore.validMessageId(messageId)) {
            throw new ReplyException(501, "Malformed message-id");
        }
        Article article = session.store().byMessageId(messageId)
                .orElseThrow(() -> new ReplyException(430, "No article with that message-id"));
        return new Numbered(0, article);
    }

    private GroupStatus existingGroup(String name) throws ReplyException {
        return session.store().group(name).orElseThrow(() -> new ReplyException(411, "No such newsgroup"));
    }

    private static ArticleRange range(String text) throws ReplyException {
        try {
            return ArticleRange.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ReplyException(501, "Invalid range");
        }
    }

    private static long number(String text) throws ReplyException {
        try {
            return ArticleRange.number(text);
        } catch (IllegalArgumentException e) {
            throw new ReplyException(501, "Invalid article number");
        }
    }
}
