package io.netproto.camel.ftp;

import io.netproto.camel.support.NetConfiguration;
import io.netproto.camel.support.ProtocolArguments;
import io.netproto.camel.support.SizeLimits;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/** Options of a netftp/netftps endpoint. */
@UriParams
public class FtpConfiguration extends NetConfiguration implements Cloneable {

    static final int DEFAULT_MAX_LISTING_ENTRIES = 100_000;
    static final long DEFAULT_MAX_LISTING_SIZE = 32L * 1024 * 1024;

    @UriPath(description = "The remote directory of the endpoint, relative to the login directory")
    private String directoryName;

    @UriParam(defaultValue = "true")
    private boolean passiveMode = true;
    @UriParam(defaultValue = "true")
    private boolean binary = true;
    @UriParam(defaultValue = "UTF-8")
    private String charset = "UTF-8";
    @UriParam(label = "advanced", defaultValue = "65536")
    private int bufferSize = 65536;
    @UriParam(label = "security", secret = true)
    private String account;
    @UriParam(label = "security", defaultValue = "false")
    private boolean implicit;
    @UriParam(label = "security", defaultValue = "P", enums = "P,C")
    private String dataChannelProtection = "P";

    @UriParam(defaultValue = "true")
    private boolean autoCreate = true;
    @UriParam(label = "producer")
    private FtpOperation operation;
    @UriParam(label = "producer")
    private String fileName;
    @UriParam(label = "producer", defaultValue = "Override")
    private FtpFileExist fileExist = FtpFileExist.Override;
    @UriParam(label = "producer", defaultValue = "true")
    private boolean atomicUpload = true;
    @UriParam(label = "producer", defaultValue = "true")
    private boolean verifyUploadSize = true;
    @UriParam(label = "producer,advanced", defaultValue = ".inprogress-")
    private String tempPrefix = ".inprogress-";
    @UriParam(label = "producer,advanced", defaultValue = "4")
    private int maxIdleSessions = 4;

    @UriParam(label = "consumer", defaultValue = "false")
    private boolean recursive;
    @UriParam(label = "consumer", defaultValue = "50")
    private int maxDepth = 50;
    @UriParam(label = "consumer,filter")
    private String include;
    @UriParam(label = "consumer,filter")
    private String exclude;
    @UriParam(label = "consumer,filter")
    private String antInclude;
    @UriParam(label = "consumer,filter")
    private String antExclude;
    @UriParam(label = "consumer,sort", defaultValue = "name")
    private FtpSortBy sortBy = FtpSortBy.name;
    @UriParam(label = "consumer", defaultValue = "0")
    private int maxMessagesPerPoll;
    @UriParam(label = "consumer", defaultValue = "true")
    private boolean streamDownload = true;
    @UriParam(label = "consumer", defaultValue = "false")
    private boolean delete;
    @UriParam(label = "consumer")
    private String move;
    @UriParam(label = "consumer")
    private String moveFailed;
    @UriParam(label = "consumer")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer,lock", defaultValue = "none")
    private FtpReadLock readLock = FtpReadLock.none;
    @UriParam(label = "consumer,lock", defaultValue = "1000", javaType = "java.time.Duration")
    private long readLockCheckInterval = 1000;
    @UriParam(label = "consumer,advanced", defaultValue = "1000", javaType = "java.time.Duration")
    private long reconnectDelay = 1000;
    @UriParam(label = "consumer,advanced", defaultValue = "60000", javaType = "java.time.Duration")
    private long maxReconnectDelay = 60_000;
    @UriParam(defaultValue = "0")
    private long maxFileSize;
    @UriParam(label = "advanced", defaultValue = "100000")
    private int maxListingEntries = DEFAULT_MAX_LISTING_ENTRIES;
    @UriParam(label = "advanced", defaultValue = "33554432")
    private long maxListingSize = DEFAULT_MAX_LISTING_SIZE;

    /** A copy, so an endpoint's changes never leak into another's. */
    public FtpConfiguration copy() {
        try {
            return (FtpConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void validate() {
        super.validate();
        ProtocolArguments.requireSingleLine("directory of the endpoint URI", directoryName);
        ProtocolArguments.requireSingleLine("fileName option", fileName);
        ProtocolArguments.requireSingleLine("move option", move);
        ProtocolArguments.requireSingleLine("moveFailed option", moveFailed);
        ProtocolArguments.requireSingleLine("tempPrefix option", tempPrefix);
        ProtocolArguments.requireSingleLine("account option", account);
        if (fileName != null) {
            RemotePaths.requireRelative("fileName option", fileName);
        }
        if (bufferSize <= 0) {
            throw new IllegalArgumentException("Option bufferSize must be positive, was " + bufferSize);
        }
        if (maxMessagesPerPoll < 0) {
            throw new IllegalArgumentException("Option maxMessagesPerPoll must be 0 (no limit) or more, was " + maxMessagesPerPoll);
        }
        if (delete && move != null) {
            throw new IllegalArgumentException("Options delete and move cannot be used together: choose one");
        }
        if (!"P".equals(dataChannelProtection) && !"C".equals(dataChannelProtection)) {
            throw new IllegalArgumentException(
                    "Option dataChannelProtection must be P (private) or C (clear), was " + dataChannelProtection);
        }
        if (tempPrefix == null || tempPrefix.isEmpty() || tempPrefix.contains("/")) {
            throw new IllegalArgumentException("Option tempPrefix must be a non-empty name prefix without '/'");
        }
        if (readLockCheckInterval <= 0 || reconnectDelay <= 0 || maxReconnectDelay < reconnectDelay) {
            throw new IllegalArgumentException(
                    "Options readLockCheckInterval and reconnectDelay must be positive, and maxReconnectDelay >= reconnectDelay");
        }
        java.nio.charset.Charset.forName(charset);
        SizeLimits.validate("maxFileSize", maxFileSize);
        if (maxListingEntries <= 0 || maxListingSize <= 0) {
            throw new IllegalArgumentException("Options maxListingEntries and maxListingSize must be positive, were "
                                               + maxListingEntries + " and " + maxListingSize);
        }
    }

    public String getDirectoryName() {
        return directoryName;
    }

    /** The remote directory of the endpoint, relative to the login directory. */
    public void setDirectoryName(String directoryName) {
        this.directoryName = directoryName;
    }

    public boolean isPassiveMode() {
        return passiveMode;
    }

    /** Passive mode (PASV/EPSV): the client opens data connections. Needed behind NAT and firewalls. */
    public void setPassiveMode(boolean passiveMode) {
        this.passiveMode = passiveMode;
    }

    public boolean isBinary() {
        return binary;
    }

    /** Binary (image) transfer type for files; false means ASCII. retrlines and storlines always use ASCII. */
    public void setBinary(boolean binary) {
        this.binary = binary;
    }

    public String getCharset() {
        return charset;
    }

    /** Character set of file names and of text transfers (retrlines, storlines, String bodies). */
    public void setCharset(String charset) {
        this.charset = charset;
    }

    public int getBufferSize() {
        return bufferSize;
    }

    /** Size in bytes of the blocks read and written on data connections (the classic blocksize). */
    public void setBufferSize(int bufferSize) {
        this.bufferSize = bufferSize;
    }

    public String getAccount() {
        return account;
    }

    /** Account sent with ACCT when the server asks for one at login. */
    public void setAccount(String account) {
        this.account = account;
    }

    public boolean isImplicit() {
        return implicit;
    }

    /** netftps only: implicit TLS (TLS from the first byte, usually port 990) instead of explicit AUTH TLS. */
    public void setImplicit(boolean implicit) {
        this.implicit = implicit;
    }

    public String getDataChannelProtection() {
        return dataChannelProtection;
    }

    /** netftps only: PROT level of data connections, P (private, encrypted) or C (clear). */
    public void setDataChannelProtection(String dataChannelProtection) {
        this.dataChannelProtection = dataChannelProtection;
    }

    public boolean isAutoCreate() {
        return autoCreate;
    }

    /** Create the endpoint directory, and the directories of uploaded files, when they are missing. */
    public void setAutoCreate(boolean autoCreate) {
        this.autoCreate = autoCreate;
    }

    public FtpOperation getOperation() {
        return operation;
    }

    /**
     * The producer operation; the header CamelNetFtpOperation overrides it per message. Without
     * either, the producer uploads the body (storbinary, or storlines when binary=false).
     */
    public void setOperation(FtpOperation operation) {
        this.operation = operation;
    }

    public String getFileName() {
        return fileName;
    }

    /** Remote file name, relative to the endpoint directory, used when the message has no CamelFileName header. */
    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    public FtpFileExist getFileExist() {
        return fileExist;
    }

    /** What an upload does when the target exists: Override (atomically), Fail, Ignore or Append. */
    public void setFileExist(FtpFileExist fileExist) {
        this.fileExist = fileExist;
    }

    public boolean isAtomicUpload() {
        return atomicUpload;
    }

    /**
     * Upload to a temporary name and rename it to the target once complete, so readers never see a
     * partial file and a failed upload leaves the old target intact.
     */
    public void setAtomicUpload(boolean atomicUpload) {
        this.atomicUpload = atomicUpload;
    }

    public boolean isVerifyUploadSize() {
        return verifyUploadSize;
    }

    /**
     * After a binary upload (not an append), compare the server's SIZE of the file with the bytes sent and fail the
     * upload when they differ: a data connection cut after the last write still gets a positive reply from the
     * server, which then holds a truncated file. Costs one round trip per upload; false saves it.
     */
    public void setVerifyUploadSize(boolean verifyUploadSize) {
        this.verifyUploadSize = verifyUploadSize;
    }

    public String getTempPrefix() {
        return tempPrefix;
    }

    /** Prefix of the temporary name used by atomic uploads, in the target's directory. */
    public void setTempPrefix(String tempPrefix) {
        this.tempPrefix = tempPrefix;
    }

    public int getMaxIdleSessions() {
        return maxIdleSessions;
    }

    /** How many logged-in connections the producer keeps open for reuse. */
    public void setMaxIdleSessions(int maxIdleSessions) {
        this.maxIdleSessions = maxIdleSessions;
    }

    public boolean isRecursive() {
        return recursive;
    }

    /** Consume files in sub-directories too. */
    public void setRecursive(boolean recursive) {
        this.recursive = recursive;
    }

    public int getMaxDepth() {
        return maxDepth;
    }

    /** With recursive, how many directory levels below the endpoint directory are visited. */
    public void setMaxDepth(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    public String getInclude() {
        return include;
    }

    /** Regular expression a file name must match to be consumed (case-sensitive). */
    public void setInclude(String include) {
        this.include = include;
    }

    public String getExclude() {
        return exclude;
    }

    /** Regular expression of file names that are not consumed. */
    public void setExclude(String exclude) {
        this.exclude = exclude;
    }

    public String getAntInclude() {
        return antInclude;
    }

    /**
     * Ant-style path patterns (comma separated; '**' matches any number of directories) a relative path
     * must match to be consumed.
     */
    public void setAntInclude(String antInclude) {
        this.antInclude = antInclude;
    }

    public String getAntExclude() {
        return antExclude;
    }

    /** Ant-style patterns (comma separated) of relative paths that are not consumed. */
    public void setAntExclude(String antExclude) {
        this.antExclude = antExclude;
    }

    public FtpSortBy getSortBy() {
        return sortBy;
    }

    /** Order of the files within one poll: none, name, time or size. */
    public void setSortBy(FtpSortBy sortBy) {
        this.sortBy = sortBy;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    /** Maximum number of files delivered per poll; 0 means no limit. */
    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public boolean isStreamDownload() {
        return streamDownload;
    }

    /**
     * Deliver the body as a stream read directly from the data connection (constant memory for any
     * size, also with stream caching on). With false the file is loaded into a byte array first.
     */
    public void setStreamDownload(boolean streamDownload) {
        this.streamDownload = streamDownload;
    }

    public boolean isDelete() {
        return delete;
    }

    /** Delete the remote file after its exchange succeeded. */
    public void setDelete(boolean delete) {
        this.delete = delete;
    }

    public String getMove() {
        return move;
    }

    /**
     * Directory (relative to the endpoint directory, or absolute) the remote file is moved to after its
     * exchange succeeded. Without delete or move the file stays and is remembered in the idempotent repository.
     */
    public void setMove(String move) {
        this.move = move;
    }

    public String getMoveFailed() {
        return moveFailed;
    }

    /** Directory the remote file is moved to when its exchange failed; without it the file stays for the next poll. */
    public void setMoveFailed(String moveFailed) {
        this.moveFailed = moveFailed;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * Repository remembering consumed files that stay on the server (neither delete nor move); the key is
     * the relative path, size and modification time, so a changed re-upload is delivered again. Default:
     * in memory; use a file or database repository to survive restarts. With delete or move it holds the files
     * delivered whose delete or move is still pending (written before the commit, removed after it): a file whose
     * commit failed, or was cut short by a restart, is committed by a later poll instead of being delivered again;
     * with a persistent repository this survives a restart.
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public FtpReadLock getReadLock() {
        return readLock;
    }

    /** Read lock for files still being written: none, changed (size and time stable) or rename (probe). */
    public void setReadLock(FtpReadLock readLock) {
        this.readLock = readLock;
    }

    public long getReadLockCheckInterval() {
        return readLockCheckInterval;
    }

    /** With readLock=changed: the minimum time between the two listings compared. */
    public void setReadLockCheckInterval(long readLockCheckInterval) {
        this.readLockCheckInterval = readLockCheckInterval;
    }

    public long getReconnectDelay() {
        return reconnectDelay;
    }

    /** Consumer: delay before reconnecting after a failed connection; doubled on each failure. */
    public void setReconnectDelay(long reconnectDelay) {
        this.reconnectDelay = reconnectDelay;
    }

    public long getMaxReconnectDelay() {
        return maxReconnectDelay;
    }

    /** Consumer: upper bound of the reconnect back-off. */
    public void setMaxReconnectDelay(long maxReconnectDelay) {
        this.maxReconnectDelay = maxReconnectDelay;
    }

    public long getMaxFileSize() {
        return maxFileSize;
    }

    /**
     * Largest file in bytes the endpoint transfers; 0 (the default) means no limit. Consumer: a file listed larger is
     * not downloaded: it stays on the server untouched (not deleted, moved or remembered) and a WARN is logged once;
     * a file whose listing has no size fails its exchange as soon as the download passes the limit. Producer:
     * retrlines and retrbinary ask the size (SIZE) first and fail before RETR; storbinary, storlines and append fail
     * before connecting when the body's size is known (a byte array, String, file or stream cache), and otherwise as
     * soon as the upload passes the limit (the temporary file of an atomic upload is removed). The error is a
     * SizeLimitExceededException naming the limit and the size.
     */
    public void setMaxFileSize(long maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    public int getMaxListingEntries() {
        return maxListingEntries;
    }

    /**
     * Most entries (lines) of one directory listing (LIST, MLSD, NLST; each directory of a recursive poll is one
     * listing). A server sending more, or a line longer than 64 KiB, fails the listing with a
     * ReplyLimitExceededException naming the limit and the connection is closed, so an endless listing cannot exhaust
     * memory. Raise it for directories with more files.
     */
    public void setMaxListingEntries(int maxListingEntries) {
        this.maxListingEntries = maxListingEntries;
    }

    public long getMaxListingSize() {
        return maxListingSize;
    }

    /**
     * Most bytes of one directory listing (LIST, MLSD, NLST), checked like maxListingEntries. File contents are never
     * limited by it (see maxFileSize).
     */
    public void setMaxListingSize(long maxListingSize) {
        this.maxListingSize = maxListingSize;
    }
}
