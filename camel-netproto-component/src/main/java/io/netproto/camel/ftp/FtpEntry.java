package io.netproto.camel.ftp;

import java.time.Instant;

/**
 * One entry of a remote directory listing (dir, mlsd, and the consumer's files).
 *
 * @param name         the entry's name without directory
 * @param relativePath path relative to the endpoint directory
 * @param remotePath   path on the server as used in commands
 * @param type         file, directory, link or unknown
 * @param size         size in bytes, -1 when unknown
 * @param modified     last modification time, null when unknown
 * @param raw          the listing line as the server sent it
 */
public record FtpEntry(String name, String relativePath, String remotePath, Type type, long size, Instant modified, String raw) {

    /** The kind of a listing entry. */
    public enum Type {
        FILE,
        DIRECTORY,
        LINK,
        UNKNOWN
    }

    public boolean isFile() {
        return type == Type.FILE;
    }

    public boolean isDirectory() {
        return type == Type.DIRECTORY;
    }

    /** Modification time in epoch milliseconds, 0 when unknown. */
    public long modifiedMillis() {
        return modified == null ? 0 : modified.toEpochMilli();
    }

    @Override
    public String toString() {
        return raw != null ? raw : type + " " + size + " " + modified + " " + relativePath;
    }
}
