package io.netproto.testkit.nntp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.netproto.testkit.tls.TestTls;

/**
 * An in-memory NNTP server on {@code 127.0.0.1} and a free port: the RFC 3977 reader and posting subset
 * (CAPABILITIES, MODE READER, GROUP, LISTGROUP, ARTICLE, HEAD, BODY, STAT, NEXT, LAST, OVER/XOVER, HDR/XHDR, LIST
 * ACTIVE/NEWSGROUPS/OVERVIEW.FMT/HEADERS, NEWGROUPS, NEWNEWS, DATE, POST, HELP, QUIT), AUTHINFO USER/PASS (RFC 4643),
 * STARTTLS (RFC 4642) and implicit TLS, both with the test certificate of {@link TestTls}.
 * <p>
 * One thread per connection; accepted sockets have TCP_NODELAY and a finite read timeout (see
 * {@link Builder#idleTimeout(Duration)}). Text is UTF-8 both ways. The server's time zone is UTC.
 * <p>
 * Switches, all thread-safe and changeable while clients are connected, provoke what a client must survive:
 * {@link #disableOverHdr(boolean)}, {@link #disableXoverXhdr(boolean)}, {@link #expire(String, long)},
 * {@link #cancel(String)}, {@link #renumber(String, long)}, {@link #failNextCommandWith400()},
 * {@link #forgetAuthentication()}, {@link #refuseNewConnections(boolean)}, {@link #stall(boolean)} and
 * {@link #closeAllConnections()}; {@link #connectionCount()} and {@link #commandCount()} count what clients did.
 *
 * <pre>
 * try (EmbeddedNewsServer news = EmbeddedNewsServer.builder().group("local.test").start()) {
 *     news.post("local.test", Map.of("From", "a@example.org", "Subject", "hello"), "body");
 *     // point a client at news.host():news.port()
 * }
 * </pre>
 */
public final class EmbeddedNewsServer implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final String HOST_NAME = "news.netproto.test";

    private final ServerSettings settings;
    private final NewsStore store;
    private final ServerSwitches switches = new ServerSwitches();
    private final NewsListener listener;

    private EmbeddedNewsServer(Builder builder) throws IOException {
        settings = new ServerSettings(HOST_NAME, builder.postingAllowed, builder.requireAuth, builder.authRequiresTls,
                builder.users, builder.implicitTls, (int) builder.idleTimeout.toMillis());
        store = new NewsStore(builder.clock, HOST_NAME);
        builder.groups.forEach(store::createGroup);
        listener = new NewsListener(InetAddress.getByName(HOST), store, switches, settings);
    }

    /**
     * Starts configuring a server.
     *
     * @return a builder; {@link Builder#start()} binds and starts the server
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures an {@link EmbeddedNewsServer}; not thread-safe. */
    public static final class Builder {
        private final Map<String, String> groups = new LinkedHashMap<>();
        private final Map<String, String> users = new LinkedHashMap<>();
        private boolean requireAuth;
        private boolean authRequiresTls;
        private boolean implicitTls;
        private boolean postingAllowed = true;
        private Duration idleTimeout = Duration.ofMinutes(2);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Adds a newsgroup without a description.
         *
         * @param  name the group name: no whitespace, none of {@code !*,?[\]}
         * @return      this builder
         */
        public Builder group(String name) {
            return group(name, "");
        }

        /**
         * Adds a newsgroup, created when the server starts.
         *
         * @param  name        the group name: no whitespace, none of {@code !*,?[\]}
         * @param  description shown by LIST NEWSGROUPS; may be empty
         * @return             this builder
         */
        public Builder group(String name, String description) {
            groups.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(description, "description"));
            return this;
        }

        /**
         * Adds a user for AUTHINFO USER/PASS. May be called several times.
         *
         * @param  name     the user name
         * @param  password the password; may contain spaces (AUTHINFO PASS takes the rest of the line)
         * @return          this builder
         */
        public Builder user(String name, String password) {
            users.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(password, "password"));
            return this;
        }

        /**
         * Whether clients must authenticate first: every command except CAPABILITIES, MODE READER, HELP, AUTHINFO,
         * STARTTLS and QUIT answers 480 until they have. Needs at least one {@link #user(String, String)}. Default
         * {@code false}.
         *
         * @param  require {@code true} to require authentication
         * @return         this builder
         */
        public Builder requireAuth(boolean require) {
            requireAuth = require;
            return this;
        }

        /**
         * Whether AUTHINFO answers 483 until TLS is active (after STARTTLS, or with implicit TLS); on plain
         * connections the capability list then shows {@code AUTHINFO} without {@code USER}. Default {@code false}.
         *
         * @param  require {@code true} to refuse authentication in plain text
         * @return         this builder
         */
        public Builder authRequiresTls(boolean require) {
            authRequiresTls = require;
            return this;
        }

        /**
         * Whether the listener speaks TLS from the first byte, as on port 563 ({@code nntps}); STARTTLS then answers
         * 502. Default {@code false}: plain NNTP with STARTTLS.
         *
         * @param  implicit {@code true} for implicit TLS
         * @return          this builder
         */
        public Builder implicitTls(boolean implicit) {
            implicitTls = implicit;
            return this;
        }

        /**
         * Whether POST is allowed (greeting 200, LIST ACTIVE status {@code y}) or refused with 440 (greeting 201,
         * status {@code n}). Default {@code true}.
         *
         * @param  allowed {@code false} for a read-only server
         * @return         this builder
         */
        public Builder postingAllowed(boolean allowed) {
            postingAllowed = allowed;
            return this;
        }

        /**
         * How long a connection may wait for the client's next line before the server answers
         * {@code 400 Idle timeout} and closes it; also bounds each TLS handshake read. Default two minutes.
         *
         * @param  timeout positive, at most {@link Integer#MAX_VALUE} milliseconds
         * @return         this builder
         */
        public Builder idleTimeout(Duration timeout) {
            if (timeout.isZero() || timeout.isNegative() || timeout.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("idleTimeout must be positive and finite: " + timeout);
            }
            idleTimeout = timeout;
            return this;
        }

        /**
         * The clock for DATE, group creation and article arrival times, by which NEWGROUPS and NEWNEWS select; a
         * test can move a clock of its own to make those deterministic. Default the UTC system clock.
         *
         * @param  clock the server's clock
         * @return       this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Creates the groups, binds the listener and starts accepting connections.
         *
         * @return                          the running server
         * @throws IllegalArgumentException if a group name is invalid
         * @throws IllegalStateException    if authentication is required but no user is configured, or the listener
         *                                  cannot be bound
         */
        public EmbeddedNewsServer start() {
            if (requireAuth && users.isEmpty()) {
                throw new IllegalStateException("requireAuth needs at least one user");
            }
            try {
                return new EmbeddedNewsServer(this);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the embedded news server", e);
            }
        }
    }

    /**
     * The address the server listens on.
     *
     * @return {@code "127.0.0.1"}
     */
    public String host() {
        return HOST;
    }

    /**
     * The port the server listens on: plain NNTP, or TLS with {@link Builder#implicitTls(boolean)}.
     *
     * @return the bound port, chosen by the system
     */
    public int port() {
        return listener.port();
    }

    /**
     * Adds a newsgroup while the server runs, created now by the server's clock (so NEWGROUPS lists it).
     *
     * @param  name                     the group name: no whitespace, none of {@code !*,?[\]}
     * @param  description              shown by LIST NEWSGROUPS; may be empty
     * @throws IllegalArgumentException if the name is invalid or taken
     */
    public void createGroup(String name, String description) {
        store.createGroup(name, description);
    }

    /**
     * Stores an article as if it had been posted, without POST's checks for From and Subject, so tests can also store
     * unusual articles. Message-ID and Date fields are added when missing.
     *
     * @param  groups                   comma-separated newsgroups, all existing; becomes the Newsgroups field
     * @param  headers                  header fields other than Newsgroups, in iteration order; no CR or LF in values
     * @param  body                     the body; any line breaks become CRLF and the last line is terminated
     * @return                          the stored article, with its number in each group
     * @throws IllegalArgumentException if a group does not exist, a field is malformed, or the Message-ID is malformed
     *                                  or was used before
     */
    public Article post(String groups, Map<String, String> headers, String body) {
        List<String> names = Arrays.stream(groups.split(",")).map(String::strip).filter(g -> !g.isEmpty()).toList();
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("Newsgroups", String.join(",", names)));
        headers.forEach((name, value) -> {
            if (!ArticleFormat.validFieldName(name) || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("Malformed header field: " + name);
            }
            if (!name.equalsIgnoreCase("Newsgroups")) {
                fields.add(Map.entry(name, value));
            }
        });
        try {
            return store.post(names, fields, ArticleFormat.normalizeBody(body));
        } catch (ArticleRejectedException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * The articles a newsgroup holds now.
     *
     * @param  group                    the newsgroup
     * @return                          snapshots in number order
     * @throws IllegalArgumentException if the group does not exist
     */
    public List<Article> articles(String group) {
        return store.articles(group);
    }

    /**
     * Looks an article up by Message-ID.
     *
     * @param  messageId the Message-ID, angle brackets included
     * @return           a snapshot, or empty if no group holds such an article any more
     */
    public Optional<Article> article(String messageId) {
        return store.byMessageId(messageId);
    }

    /**
     * Expires an article from one group: access by that number answers 423, LISTGROUP and OVER show a gap, and the
     * group's low water mark moves up past it. Once no group holds the article, access by Message-ID answers 430.
     *
     * @param  group                    the newsgroup
     * @param  number                   the article's number in that group
     * @throws IllegalArgumentException if the group has no article with that number
     */
    public void expire(String group, long number) {
        if (!store.expire(group, number)) {
            throw new IllegalArgumentException("No article " + number + " in " + group);
        }
    }

    /**
     * Cancels an article: it disappears from every group (423 by number, 430 by Message-ID). Its Message-ID cannot be
     * posted again.
     *
     * @param  messageId                the Message-ID, angle brackets included
     * @throws IllegalArgumentException if there is no such article
     */
    public void cancel(String messageId) {
        if (!store.cancel(messageId)) {
            throw new IllegalArgumentException("No article " + messageId);
        }
    }

    /**
     * Numbers a group's articles again, consecutively from {@code newFirst}, keeping their order and contents. The
     * high water mark follows, so numbers can go backwards (e.g. restart at 1); later posts continue from there.
     * Connections keep their current article number, which now refers to the new numbering.
     *
     * @param  group                    the newsgroup
     * @param  newFirst                 the number of the group's first article, at least 1
     * @throws IllegalArgumentException if the group does not exist or {@code newFirst} is below 1
     */
    public void renumber(String group, long newFirst) {
        store.renumber(group, newFirst);
    }

    /**
     * While on, OVER and HDR answer {@code 500 Unknown command} and CAPABILITIES no longer lists OVER, HDR or LIST
     * HEADERS; XOVER and XHDR keep working.
     *
     * @param disabled {@code true} to disable OVER and HDR
     */
    public void disableOverHdr(boolean disabled) {
        switches.disableOverHdr(disabled);
    }

    /**
     * While on, OVER and XOVER leave the {@code :bytes} field of every overview line empty, as servers that do not
     * track article sizes do; HDR {@code :bytes} still answers.
     *
     * @param omit {@code true} to omit the sizes
     */
    public void omitOverviewSizes(boolean omit) {
        switches.omitOverviewSizes(omit);
    }

    /**
     * While on, XOVER and XHDR answer {@code 500 Unknown command}. Independent of {@link #disableOverHdr(boolean)}:
     * with both on, no overview command works.
     *
     * @param disabled {@code true} to disable XOVER and XHDR
     */
    public void disableXoverXhdr(boolean disabled) {
        switches.disableXoverXhdr(disabled);
    }

    /**
     * Makes the next command received, on whichever connection, answer {@code 400 Service temporarily unavailable};
     * the server then closes that connection. Applies to one command only.
     */
    public void failNextCommandWith400() {
        switches.failNextCommand();
    }

    /**
     * Makes every open connection unauthenticated, as a server whose login session expired would: with
     * {@link Builder#requireAuth(boolean)} on, each one's next command other than those allowed before authentication
     * answers {@code 480} until AUTHINFO USER/PASS succeeds again on that connection. Connections stay open; those
     * authenticating later are not affected.
     */
    public void forgetAuthentication() {
        switches.forgetAuthentication();
    }

    /**
     * While on, new connections are greeted with {@code 400 Service temporarily unavailable} and closed at once; they
     * are not counted by {@link #connectionCount()}. Open connections are not affected.
     *
     * @param refuse {@code true} to refuse new connections
     */
    public void refuseNewConnections(boolean refuse) {
        switches.refuseNewConnections(refuse);
    }

    /**
     * While on, the server stops answering: each command received, and the greeting of each new connection, waits
     * with the connection held open. Switching it off answers them. {@link #closeAllConnections()} and
     * {@link #close()} end waiting connections.
     *
     * @param stall {@code true} to stop answering, {@code false} to answer again
     */
    public void stall(boolean stall) {
        switches.stall(stall);
    }

    /**
     * The connections held by {@link #stall(boolean)} now: each has received a command (or is due its greeting) and
     * has not answered. Lets a test wait until a client is stuck before it acts.
     *
     * @return the number of connections waiting on the stall
     */
    public int stalledConnections() {
        return switches.stalledConnections();
    }

    /**
     * The connections open now. A connection counts from before its greeting until the server closes it. After QUIT
     * or a 400 reply it no longer counts by the time the client has read that reply; a client's own disconnect is
     * seen a moment later, at the server's next read.
     *
     * @return the number of open connections
     */
    public int connectionCount() {
        return listener.connectionCount();
    }

    /**
     * The command lines received since start, on all connections, counted before they are answered (the article lines
     * of POST are not commands).
     *
     * @return the number of commands received
     */
    public long commandCount() {
        return switches.commandCount();
    }

    /**
     * The latest command lines received (at most 10,000), on all connections in arrival order, for example
     * {@code "GROUP local.test"} or {@code "ARTICLE 3"}; {@code AUTHINFO PASS} is recorded without the password and
     * the article lines of POST are not commands.
     *
     * @return a snapshot
     */
    public List<String> commands() {
        return switches.commandLog();
    }

    /**
     * Drops every open connection at once, without a reply, as a crashed server or a network failure would; the server
     * keeps accepting new connections. Returns once the connections are closed.
     */
    public void closeAllConnections() {
        listener.closeAllConnections();
    }

    /** The server side of the open connections, for tests of socket options. */
    List<Socket> serverSideSockets() {
        return listener.sockets();
    }

    /** Stops listening and drops every connection. Idempotent. */
    @Override
    public void close() {
        listener.close();
    }

    @Override
    public String toString() {
        return "EmbeddedNewsServer[" + (settings.implicitTls() ? "nntps" : "nntp") + "://" + HOST + ":" + port() + "]";
    }
}
