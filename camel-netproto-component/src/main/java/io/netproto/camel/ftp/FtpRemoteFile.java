package io.netproto.camel.ftp;

import java.io.InputStream;

/**
 * Message body of a downloaded remote file: the listing entry and the content, read straight from the
 * data connection. It is deliberately not an {@link InputStream} itself, so Camel's stream caching does
 * not copy a large download into memory; converters turn it into an InputStream, byte[] or String when
 * a route asks for one. The content can be read once.
 */
public final class FtpRemoteFile {

    private final FtpEntry entry;
    private final InputStream content;

    FtpRemoteFile(FtpEntry entry, InputStream content) {
        this.entry = entry;
        this.content = content;
    }

    /** The listing entry of the file (name, paths, size, time). */
    public FtpEntry getEntry() {
        return entry;
    }

    /** The content stream. Closing it completes the transfer. */
    public InputStream getInputStream() {
        return content;
    }

    @Override
    public String toString() {
        return "FtpRemoteFile[" + entry.remotePath() + "]";
    }
}
