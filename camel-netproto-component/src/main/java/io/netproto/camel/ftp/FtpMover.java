package io.netproto.camel.ftp;

import io.netproto.camel.support.ProtocolArguments;
import io.netproto.camel.support.ProtocolReplyException;

/**
 * Moves a consumed file into a directory (the move and moveFailed options), keeping its path relative
 * to the endpoint directory and creating missing directories.
 */
final class FtpMover {

    private final String directory;

    /** @param directory relative to the endpoint directory, or absolute when it starts with '/' */
    FtpMover(String directory) {
        this.directory = ProtocolArguments.requireValue("move directory", directory);
    }

    void move(FtpSession session, FtpEntry entry) {
        String dir = directory.startsWith("/") ? directory : session.resolve(RemotePaths.directory(directory));
        String target = RemotePaths.join(dir, entry.relativePath());
        try {
            session.rename(entry.remotePath(), target);
        } catch (ProtocolReplyException e) {
            session.mkdirs(RemotePaths.parent(target));
            if (session.exists(target)) {
                session.delete(target);
            }
            session.rename(entry.remotePath(), target);
        }
    }
}
