package io.netproto.camel.ftp;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.net.Socket;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.netproto.camel.support.CommonsNetTrace;
import io.netproto.camel.support.ConnectionFailedException;
import io.netproto.camel.support.NetprotoException;
import io.netproto.camel.support.PlainTextPasswords;
import io.netproto.camel.support.PooledSession;
import io.netproto.camel.support.ProtocolReplyException;
import io.netproto.camel.support.ProtocolTrace;
import io.netproto.camel.support.ReplyLimits;
import io.netproto.camel.support.TlsContexts;
import org.apache.camel.CamelContext;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPCmd;
import org.apache.commons.net.ftp.FTPFileEntryParser;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;
import org.apache.commons.net.ftp.parser.MLSxEntryParser;

/**
 * One logged-in FTP or FTPS connection: the only class that talks to Commons Net's {@link FTPClient}.
 * Every refusal becomes a {@link ProtocolReplyException} with code and text, every I/O failure a
 * {@link ConnectionFailedException}; paths passed in are server paths, already checked by the caller.
 */
final class FtpSession implements PooledSession {

    static final String PROTOCOL = "FTP";
    private static final int STANDARD_PORT = 21;
    private static final int STANDARD_IMPLICIT_PORT = 990;

    private final FTPClient client;
    private final String label;
    private final String baseDirectory;
    private final int bufferSize;
    private boolean broken;
    private boolean reused;
    private int currentType;
    private Boolean mlsdSupported;
    private FTPFileEntryParser listParser;
    private FtpListings.Limits listingLimits = FtpListings.Limits.DEFAULT;
    private final java.util.Set<String> ensuredDirectories = new java.util.HashSet<>();

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }

    private FtpSession(FTPClient client, String label, String baseDirectory, int bufferSize) {
        this.client = client;
        this.label = label;
        this.baseDirectory = baseDirectory;
        this.bufferSize = bufferSize;
    }

    /** Connects, secures (netftps), logs in and resolves the endpoint directory. */
    static FtpSession open(CamelContext camelContext, FtpConfiguration cfg, boolean secure) {
        int port = cfg.effectivePort(secure && cfg.isImplicit() ? STANDARD_IMPLICIT_PORT : STANDARD_PORT);
        String label = cfg.getHost() + ":" + port;
        FTPClient client = secure ? newSecureClient(camelContext, cfg) : new ListingFtpClient();
        client.setConnectTimeout(Math.toIntExact(cfg.getConnectTimeout()));
        client.setDefaultTimeout(Math.toIntExact(cfg.getReadTimeout()));
        client.setDataTimeout(Duration.ofMillis(cfg.getReadTimeout()));
        client.setControlEncoding(cfg.getCharset());
        client.setBufferSize(cfg.getBufferSize());
        if (cfg.getDebugLevel() > 0) {
            client.addProtocolCommandListener(new CommonsNetTrace(new ProtocolTrace("ftp", cfg.getDebugLevel(), label)));
        }
        // the control connection's replies are bounded; data connections use the default factory again
        client.setSocketFactory(ReplyLimits.FTP.socketFactory());
        try {
            client.connect(cfg.getHost(), port);
            client.setSocketFactory(null);
            if (!FTPReply.isPositiveCompletion(client.getReplyCode())) {
                throw new ProtocolReplyException(PROTOCOL, "connect to " + label, client.getReplyCode(), client.getReplyString());
            }
            client.setSoTimeout(Math.toIntExact(cfg.getReadTimeout()));
            if (client instanceof FTPSClient ftps) {
                ftps.execPBSZ(0);
                ftps.execPROT(cfg.getDataChannelProtection());
            }
            PlainTextPasswords.check(cfg, PROTOCOL, label, secure, client.getRemoteAddress());
            String user = cfg.getUsername() != null ? cfg.getUsername() : "anonymous";
            String password = cfg.getPassword() != null ? cfg.getPassword() : (cfg.getUsername() == null ? "anonymous@" : "");
            boolean loggedIn = cfg.getAccount() != null
                    ? client.login(user, password, cfg.getAccount()) : client.login(user, password);
            if (!loggedIn) {
                throw new ProtocolReplyException(PROTOCOL, "login as " + user, client.getReplyCode(), client.getReplyString());
            }
            if (!client.setFileType(cfg.isBinary() ? FTP.BINARY_FILE_TYPE : FTP.ASCII_FILE_TYPE)) {
                throw new ProtocolReplyException(PROTOCOL, "TYPE", client.getReplyCode(), client.getReplyString());
            }
            if (cfg.isPassiveMode()) {
                client.enterLocalPassiveMode();
            } else {
                client.enterLocalActiveMode();
            }
            FtpSession session = new FtpSession(client, label, null, cfg.getBufferSize());
            String dir = RemotePaths.directory(cfg.getDirectoryName());
            if (!dir.isEmpty() && !client.changeWorkingDirectory(dir)) {
                if (!cfg.isAutoCreate() || client.getReplyCode() != FTPReply.FILE_UNAVAILABLE) {
                    throw session.refused("CWD " + dir);
                }
                session.mkdirs(dir);
                session.require(client.changeWorkingDirectory(dir), "CWD " + dir);
            }
            FtpSession ready = new FtpSession(client, label, session.pwd(), cfg.getBufferSize());
            ready.currentType = cfg.isBinary() ? FTP.BINARY_FILE_TYPE : FTP.ASCII_FILE_TYPE;
            ready.listingLimits = new FtpListings.Limits(cfg.getMaxListingEntries(), cfg.getMaxListingSize());
            return ready;
        } catch (IOException e) {
            disconnectQuietly(client);
            throw new ConnectionFailedException("Cannot connect to FTP server " + label + ": " + describe(e)
                                                + TlsContexts.trustHint(e), e);
        } catch (RuntimeException e) {
            disconnectQuietly(client);
            throw e;
        }
    }

    private static FTPClient newSecureClient(CamelContext camelContext, FtpConfiguration cfg) {
        SessionReuseFtpsClient ftps = new SessionReuseFtpsClient(cfg.isImplicit(), TlsContexts.create(camelContext, cfg));
        ftps.setEndpointCheckingEnabled(cfg.isVerifyHostname());
        return ftps;
    }

    private static String describe(Throwable e) {
        return e.getMessage() != null ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.getClass().getSimpleName();
    }

    /** The endpoint directory as an absolute server path. */
    String baseDirectory() {
        return baseDirectory;
    }

    /** Server path of a path relative to the endpoint directory. */
    String resolve(String relative) {
        return RemotePaths.join(baseDirectory, relative);
    }

    int lastReplyCode() {
        return client.getReplyCode();
    }

    String lastReplyText() {
        String reply = client.getReplyString();
        return reply == null ? "" : reply.strip();
    }

    private <T> T io(String command, Call<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            broken = true;
            throw new ConnectionFailedException("FTP " + command + " failed on " + label + ": " + describe(e), e);
        } catch (NetprotoException e) {
            throw e;
        } catch (RuntimeException e) {
            broken = true; // Commons Net could not parse a reply (a SYST naming no known system, ...)
            throw new NetprotoException("The FTP server " + label + " sent a reply to " + command + " that cannot be parsed ("
                                        + describe(e) + "): " + lastReplyText(), e);
        }
    }

    private void require(boolean ok, String command) {
        if (!ok) {
            throw refused(command);
        }
    }

    private ProtocolReplyException refused(String command) {
        int code = client.getReplyCode();
        if (code == FTPReply.SERVICE_NOT_AVAILABLE) {
            broken = true;
        }
        return new ProtocolReplyException(PROTOCOL, command, code, client.getReplyString());
    }

    String pwd() {
        String dir = io("PWD", client::printWorkingDirectory);
        if (dir == null) {
            throw refused("PWD");
        }
        return dir;
    }

    String cwd(String path) {
        require(io("CWD " + path, () -> client.changeWorkingDirectory(path)), "CWD " + path);
        return pwd();
    }

    /** LIST, parsed; raw lines kept. */
    List<FtpEntry> list(String path, String relativeDir) {
        if (listParser == null) {
            listParser = io("SYST", () -> FtpListings.parserFor(client.getSystemTypeOverride()));
        }
        List<String> lines = listing(FTPCmd.LIST, path);
        return FtpListings.entries(listParser, lines, relativeDir, path);
    }

    /** MLSD: exact sizes and UTC times; fails with the server's reply when not supported. */
    List<FtpEntry> mlsd(String path, String relativeDir) {
        return FtpListings.entries(MLSxEntryParser.getInstance(), listing(FTPCmd.MLSD, path), relativeDir, path);
    }

    /** The best listing the server offers: MLSD when advertised (FEAT), LIST otherwise. */
    List<FtpEntry> listBest(String path, String relativeDir) {
        if (mlsdSupported == null) {
            mlsdSupported = io("FEAT", () -> client.hasFeature("MLST"));
        }
        return mlsdSupported ? mlsd(path, relativeDir) : list(path, relativeDir);
    }

    /** A listing's lines, read within the listing limits; refused unless the server completes it positively. */
    private List<String> listing(FTPCmd command, String path) {
        List<String> lines = rawListing(command, path);
        if (lines == null) {
            throw refused(command.getCommand() + " " + path);
        }
        return lines;
    }

    /** A listing's lines, or null when the server refused it or did not complete it positively. */
    private List<String> rawListing(FTPCmd command, String path) {
        String label = command.getCommand() + " " + path;
        return io(label, () -> {
            List<String> lines;
            try (Socket socket = ((ListingConnections) client).openListing(command, path)) {
                if (socket == null) {
                    return null;
                }
                lines = ListingReader.read(socket.getInputStream(), Charset.forName(client.getControlEncoding()),
                        listingLimits.maxEntries(), listingLimits.maxBytes(), label);
            }
            return client.completePendingCommand() ? lines : null;
        });
    }

    List<String> nlst(String path) {
        List<String> names = rawListing(FTPCmd.NLST, path);
        if (names == null) {
            int code = client.getReplyCode();
            if (FTPReply.isPositiveCompletion(code) || code == 450 || code == 550 && lastReplyText().toLowerCase().contains("no files")) {
                return List.of();
            }
            throw refused("NLST " + path);
        }
        List<String> result = new ArrayList<>(names.size());
        for (String n : names) {
            result.add(RemotePaths.name(n));
        }
        return result;
    }

    /**
     * Opens a download (RETR, after REST when offset &gt; 0). The stream must be closed; closing it
     * completes the transfer on the control connection.
     */
    InputStream retrieve(String path, long offset, boolean ascii) {
        setType(ascii);
        client.setRestartOffset(offset);
        InputStream in = io("RETR " + path, () -> client.retrieveFileStream(path));
        if (in == null) {
            throw refused(offset > 0 ? "REST " + offset + " / RETR " + path : "RETR " + path);
        }
        return in;
    }

    /** Reads the final reply of a transfer opened by {@link #retrieve}. */
    void completeTransfer(String command) {
        require(io(command, client::completePendingCommand), command);
    }

    /**
     * STOR (or APPE with {@code append}) from the stream, in blocks of bufferSize. A binary STOR is checked with SIZE
     * when {@code verifySize} (where the server supports it): a data connection cut after the last write still ends
     * with a positive reply, and the server then holds a truncated file.
     */
    void store(String path, InputStream data, boolean ascii, boolean append, boolean verifySize) {
        setType(ascii);
        String command = (append ? "APPE " : "STOR ") + path;
        long[] sent = new long[1];
        InputStream counted = new java.io.FilterInputStream(data) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                sent[0] += b < 0 ? 0 : 1;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                sent[0] += Math.max(n, 0);
                return n;
            }
        };
        boolean ok = io(command, () -> append ? client.appendFile(path, counted) : client.storeFile(path, counted));
        require(ok, command);
        if (verifySize && !ascii && !append) {
            String size = io("SIZE " + path, () -> client.getSize(path));
            if (size != null && size.trim().matches("\\d+") && Long.parseLong(size.trim()) != sent[0]) {
                throw new ConnectionFailedException("FTP " + command + " on " + label + " was cut short: the server holds "
                                                    + size.trim() + " of " + sent[0] + " bytes", null);
            }
        }
    }

    /** Sends TYPE only when the transfer type changes, saving a round trip per transfer. */
    private void setType(boolean ascii) {
        int type = ascii ? FTP.ASCII_FILE_TYPE : FTP.BINARY_FILE_TYPE;
        if (type != currentType) {
            require(io("TYPE", () -> client.setFileType(type)), "TYPE");
            currentType = type;
        }
    }

    void rename(String from, String to) {
        require(io("RNFR " + from, () -> client.rename(from, to)), "RNFR " + from + " / RNTO " + to);
    }

    /** Like rename, but answers false instead of throwing when the server refuses. */
    boolean tryRename(String from, String to) {
        return io("RNFR " + from, () -> client.rename(from, to));
    }

    void delete(String path) {
        require(io("DELE " + path, () -> client.deleteFile(path)), "DELE " + path);
    }

    /** Deletes, answering false when the server refuses (e.g. the file is already gone). */
    boolean tryDelete(String path) {
        return io("DELE " + path, () -> client.deleteFile(path));
    }

    void mkd(String path) {
        require(io("MKD " + path, () -> client.makeDirectory(path)), "MKD " + path);
    }

    /** Creates every missing directory of an absolute or relative server path. */
    void mkdirs(String path) {
        StringBuilder current = new StringBuilder(path.startsWith("/") ? "/" : "");
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (current.length() > 0 && current.charAt(current.length() - 1) != '/') {
                current.append('/');
            }
            current.append(segment);
            String dir = current.toString();
            io("MKD " + dir, () -> client.makeDirectory(dir));
        }
    }

    /** Creates a directory and its parents unless this session made sure of it before. */
    void ensureDirectory(String path) {
        if (ensuredDirectories.add(path)) {
            mkdirs(path);
        }
    }

    void rmd(String path) {
        require(io("RMD " + path, () -> client.removeDirectory(path)), "RMD " + path);
    }

    long size(String path) {
        String size = io("SIZE " + path, () -> client.getSize(path));
        if (size == null) {
            throw refused("SIZE " + path);
        }
        try {
            return Long.parseLong(size.trim());
        } catch (NumberFormatException e) {
            throw new ProtocolReplyException(PROTOCOL, "SIZE " + path, client.getReplyCode(), "unparseable size: " + size);
        }
    }

    Instant mdtm(String path) {
        Instant time = io("MDTM " + path, () -> client.mdtmInstant(path));
        if (time == null) {
            throw refused("MDTM " + path);
        }
        return time;
    }

    /** Whether a file exists: SIZE, or NLST where SIZE is not supported. */
    boolean exists(String path) {
        String size = io("SIZE " + path, () -> client.getSize(path));
        if (size != null) {
            return true;
        }
        int code = client.getReplyCode();
        if (code == 500 || code == 502 || code == 504) {
            String[] names = io("NLST " + path, () -> client.listNames(path));
            return names != null && names.length > 0;
        }
        return false;
    }

    @Override
    public boolean isConnected() {
        return !broken && client.isConnected();
    }

    @Override
    public void check() {
        require(io("NOOP", client::sendNoOp), "NOOP");
    }

    /** Whether the session served an exchange before (a failure may then be a connection the server closed). */
    boolean isReused() {
        return reused;
    }

    void markReused() {
        reused = true;
    }

    /** Marks the session unusable (e.g. a transfer failed half-way and the control channel is out of step). */
    void markBroken() {
        broken = true;
    }

    @Override
    public void close() {
        if (client.isConnected() && !broken) {
            try {
                client.logout();
            } catch (IOException e) {
                // the connection goes away anyway
            }
        }
        disconnectQuietly(client);
    }

    private static void disconnectQuietly(FTPClient client) {
        try {
            client.disconnect();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    int bufferSize() {
        return bufferSize;
    }

    @Override
    public String toString() {
        return "FtpSession[" + label + baseDirectory + "]";
    }
}
