package io.netproto.testkit.nntp;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The listing and time commands of one connection: LIST (ACTIVE, NEWSGROUPS, OVERVIEW.FMT, HEADERS), NEWGROUPS,
 * NEWNEWS and DATE.
 */
final class ListCommands {

    private final Session session;

    ListCommands(Session session) {
        this.session = session;
    }

    void list(String args) throws IOException, ReplyException {
        String[] tokens = Commands.tokens(args, 0, 2);
        String keyword = tokens.length == 0 ? "ACTIVE" : tokens[0].toUpperCase(Locale.ROOT);
        String argument = tokens.length > 1 ? tokens[1] : null;
        switch (keyword) {
            case "ACTIVE" -> session.writer().multiLine(215, "List of newsgroups follows",
                    groups(argument).stream().map(this::active).toList());
            case "NEWSGROUPS" -> session.writer().multiLine(215, "List of newsgroups follows",
                    groups(argument).stream().map(g -> g.name() + "\t" + g.description()).toList());
            case "OVERVIEW.FMT" -> {
                requireNoArgument(argument);
                session.writer().multiLine(215, "Order of fields in overview database",
                        ArticleFormat.OVERVIEW_FORMAT);
            }
            case "HEADERS" -> {
                if (argument != null && !argument.equalsIgnoreCase("MSGID") && !argument.equalsIgnoreCase("RANGE")) {
                    throw new ReplyException(501, "Expected LIST HEADERS [MSGID|RANGE]");
                }
                session.writer().multiLine(215, "Headers and metadata items supported", List.of(":", ":bytes", ":lines"));
            }
            default -> throw new ReplyException(501, "Unknown LIST keyword");
        }
    }

    /** NEWGROUPS date time [GMT]: groups created at or after the given time. */
    void newGroups(String args) throws IOException, ReplyException {
        String[] tokens = Commands.tokens(args, 2, 3);
        Instant since = since(tokens, 0);
        session.writer().multiLine(231, "List of new newsgroups follows", session.store().groups().stream()
                .filter(g -> !g.created().isBefore(since)).map(this::active).toList());
    }

    /** NEWNEWS wildmat date time [GMT]: message-ids of articles received at or after the given time. */
    void newNews(String args) throws IOException, ReplyException {
        String[] tokens = Commands.tokens(args, 3, 4);
        Wildmat groups = wildmat(tokens[0]);
        Instant since = since(tokens, 1);
        session.writer().multiLine(230, "List of new articles follows",
                session.store().arrivedSince(since, groups::matches).stream().map(Article::messageId).toList());
    }

    void date(String args) throws IOException, ReplyException {
        Commands.tokens(args, 0, 0);
        session.writer().status(111, NntpDates.format(session.store().now()));
    }

    private List<GroupStatus> groups(String wildmat) throws ReplyException {
        Wildmat filter = wildmat == null ? Wildmat.all() : wildmat(wildmat);
        return session.store().groups().stream().filter(g -> filter.matches(g.name())).toList();
    }

    private String active(GroupStatus group) {
        return group.name() + " " + group.high() + " " + group.low() + " "
               + (session.settings().postingAllowed() ? "y" : "n");
    }

    private Instant since(String[] tokens, int first) throws ReplyException {
        if (tokens.length > first + 2 && !tokens[first + 2].equalsIgnoreCase("GMT")) {
            throw new ReplyException(501, "Expected GMT after the time");
        }
        try {
            return NntpDates.parse(tokens[first], tokens[first + 1], session.store().now());
        } catch (IllegalArgumentException e) {
            throw new ReplyException(501, "Invalid date or time");
        }
    }

    private static Wildmat wildmat(String text) throws ReplyException {
        try {
            return Wildmat.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ReplyException(501, "Invalid wildmat");
        }
    }

    private static void requireNoArgument(String argument) throws ReplyException {
        if (argument != null) {
            throw new ReplyException(501, "Unexpected argument");
        }
    }
}
