package io.netproto.testkit.nntp;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The session-level commands of one connection: CAPABILITIES, MODE READER, HELP, AUTHINFO USER/PASS (RFC 4643) and
 * POST.
 */
final class SessionCommands {

    /** The longest line accepted inside a posted article. */
    static final int MAX_ARTICLE_LINE = 64 * 1024;

    private final Session session;

    SessionCommands(Session session) {
        this.session = session;
    }

    /** The capabilities for the connection's present state (TLS, authentication, disabled commands). */
    void capabilities(String args) throws IOException {
        ServerSettings settings = session.settings();
        boolean overHdr = !session.switches().overHdrDisabled();
        List<String> lines = new ArrayList<>();
        lines.add("VERSION 2");
        lines.add("IMPLEMENTATION camel-netproto embedded news server");
        lines.add("READER");
        if (settings.postingAllowed()) {
            lines.add("POST");
        }
        lines.add("NEWNEWS");
        lines.add("LIST ACTIVE NEWSGROUPS OVERVIEW.FMT" + (overHdr ? " HEADERS" : ""));
        if (overHdr) {
            lines.add("OVER MSGID");
            lines.add("HDR");
        }
        if (!session.tls() && !session.authenticated()) {
            lines.add("STARTTLS");
        }
        if (!settings.users().isEmpty() && !session.authenticated()) {
            lines.add(settings.authRequiresTls() && !session.tls() ? "AUTHINFO" : "AUTHINFO USER");
        }
        session.writer().multiLine(101, "Capability list:", lines);
    }

    void mode(String args) throws IOException, ReplyException {
        if (!args.equalsIgnoreCase("READER")) {
            throw new ReplyException(501, "Only MODE READER is supported");
        }
        greet(session);
    }

    void help(String args) throws IOException {
        session.writer().multiLine(100, "Help text follows", List.of(
                "ARTICLE|HEAD|BODY|STAT [message-id|number]", "AUTHINFO USER name|PASS password",
                "CAPABILITIES [keyword]", "DATE", "GROUP newsgroup", "HDR|XHDR field [message-id|range]", "HELP",
                "LAST", "LIST [ACTIVE [wildmat]|NEWSGROUPS [wildmat]|OVERVIEW.FMT|HEADERS]",
                "LISTGROUP [newsgroup [range]]", "MODE READER", "NEWGROUPS [yy]yymmdd hhmmss [GMT]",
                "NEWNEWS wildmat [yy]yymmdd hhmmss [GMT]", "NEXT", "OVER|XOVER [message-id|range]", "POST", "QUIT",
                "STARTTLS"));
    }

    /** AUTHINFO USER name, then AUTHINFO PASS password (the rest of the line). */
    void authinfo(String args) throws IOException, ReplyException {
        String[] parts = args.split("\\s+", 2);
        String subcommand = parts[0].toUpperCase(Locale.ROOT);
        String value = parts.length > 1 ? parts[1] : "";
        if (!subcommand.equals("USER") && !subcommand.equals("PASS") || value.isEmpty()) {
            throw new ReplyException(501, "Expected AUTHINFO USER name or AUTHINFO PASS password");
        }
        Map<String, String> users = session.settings().users();
        if (users.isEmpty()) {
            throw new ReplyException(502, "Authentication not available");
        }
        if (session.authenticated()) {
            throw new ReplyException(502, "Already authenticated");
        }
        if (session.settings().authRequiresTls() && !session.tls()) {
            throw new ReplyException(483, "Encryption required: use STARTTLS first");
        }
        if (subcommand.equals("USER")) {
            session.pendingUser(value);
            session.writer().status(381, "Password required");
            return;
        }
        String user = session.pendingUser();
        if (user == null) {
            throw new ReplyException(482, "Authentication commands issued out of sequence");
        }
        session.pendingUser(null);
        if (!value.equals(users.get(user))) {
            throw new ReplyException(481, "Authentication failed");
        }
        session.authenticated(user);
        session.writer().status(281, "Authentication accepted");
    }

    /**
     * POST: 340, then the article up to a line holding a single dot. The article needs From, Newsgroups and Subject;
     * it is filed in each known group of Newsgroups (unknown ones are ignored; 441 if none is known).
     */
    void post(String args) throws IOException, ReplyException {
        Commands.tokens(args, 0, 0);
        if (!session.settings().postingAllowed()) {
            throw new ReplyException(440, "Posting not permitted");
        }
        session.writer().status(340, "Input article; end with <CR-LF>.<CR-LF>");
        List<String> lines = new ArrayList<>();
        boolean tooLong = false;
        while (true) {
            String line;
            try {
                line = session.reader().readLine(MAX_ARTICLE_LINE);
            } catch (LineReader.LineTooLongException e) {
                tooLong = true;
                continue;
            }
            if (line == null) {
                throw new EOFException("Client closed the connection during POST");
            }
            if (line.equals(".")) {
                break;
            }
            lines.add(line.startsWith(".") ? line.substring(1) : line);
        }
        if (tooLong) {
            throw new ReplyException(441, "Line too long");
        }
        try {
            ArticleFormat.Parsed parsed = ArticleFormat.parse(lines);
            ArticleFormat.requirePostingFields(parsed.headers());
            String newsgroups = parsed.headers().stream().filter(h -> h.getKey().equalsIgnoreCase("Newsgroups"))
                    .findFirst().orElseThrow().getValue();
            List<String> known = Arrays.stream(newsgroups.split(",")).map(String::strip)
                    .filter(g -> !g.isEmpty() && session.store().group(g).isPresent()).toList();
            if (known.isEmpty()) {
                throw new ArticleRejectedException("No such newsgroup in Newsgroups header");
            }
            Article article = session.store().post(known, parsed.headers(), parsed.body());
            session.writer().status(240, "Article received " + article.messageId());
        } catch (ArticleRejectedException e) {
            throw new ReplyException(441, e.getMessage());
        }
    }

    /** The greeting and MODE READER reply: 200 when posting is allowed, 201 when not. */
    static void greet(Session session) throws IOException {
        String host = session.settings().hostName();
        if (session.settings().postingAllowed()) {
            session.writer().status(200, host + " embedded news server ready, posting allowed");
        } else {
            session.writer().status(201, host + " embedded news server ready, posting prohibited");
        }
    }
}
