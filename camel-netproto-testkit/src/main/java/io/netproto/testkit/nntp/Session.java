package io.netproto.testkit.nntp;

/**
 * The state of one client connection: its current input and output (replaced by STARTTLS), the selected newsgroup
 * and current article number, and the authentication and TLS state. Used by the connection's thread only.
 */
final class Session {

    private final NewsStore store;
    private final ServerSwitches switches;
    private final ServerSettings settings;
    private LineReader reader;
    private ResponseWriter writer;
    private String group;
    private long pointer;
    private String pendingUser;
    private String user;
    private long authenticationEpoch;
    private boolean tls;

    Session(NewsStore store, ServerSwitches switches, ServerSettings settings, LineReader reader,
            ResponseWriter writer, boolean tls) {
        this.store = store;
        this.switches = switches;
        this.settings = settings;
        this.reader = reader;
        this.writer = writer;
        this.tls = tls;
    }

    NewsStore store() {
        return store;
    }

    ServerSwitches switches() {
        return switches;
    }

    ServerSettings settings() {
        return settings;
    }

    LineReader reader() {
        return reader;
    }

    ResponseWriter writer() {
        return writer;
    }

    /** Switches to TLS streams and forgets what the client did before (RFC 4642 section 2.2.2). */
    void upgradeToTls(LineReader tlsReader, ResponseWriter tlsWriter) {
        reader = tlsReader;
        writer = tlsWriter;
        tls = true;
        group = null;
        pointer = 0;
        pendingUser = null;
    }

    boolean tls() {
        return tls;
    }

    /** Selects a newsgroup and sets the current article number (0: none). */
    void select(String newsgroup, long article) {
        group = newsgroup;
        pointer = article;
    }

    void pointTo(long article) {
        pointer = article;
    }

    /** The selected newsgroup, or {@code 412} if none is. */
    String requireGroup() throws ReplyException {
        if (group == null) {
            throw new ReplyException(412, "No newsgroup selected");
        }
        return group;
    }

    /** The current article number, or {@code 412}/{@code 420} if there is none. */
    long requirePointer() throws ReplyException {
        requireGroup();
        if (pointer <= 0) {
            throw new ReplyException(420, "Current article number is invalid");
        }
        return pointer;
    }

    String pendingUser() {
        return pendingUser;
    }

    void pendingUser(String name) {
        pendingUser = name;
    }

    /** Whether AUTHINFO succeeded and no {@link ServerSwitches#forgetAuthentication()} has happened since. */
    boolean authenticated() {
        return user != null && authenticationEpoch == switches.authenticationEpoch();
    }

    void authenticated(String name) {
        user = name;
        authenticationEpoch = switches.authenticationEpoch();
        pendingUser = null;
    }
}
