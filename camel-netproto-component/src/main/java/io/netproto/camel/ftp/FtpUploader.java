package io.netproto.camel.ftp;

import java.io.InputStream;

import io.netproto.camel.support.NetprotoException;

/**
 * Uploads with the fileExist strategies. Override is atomic by default: the content goes to a
 * temporary name in the target's directory and is renamed onto the target only when complete, so the
 * old target is never removed before the new content is there.
 */
final class FtpUploader {

    /** Result of an upload: where the content is now, or that it was skipped (fileExist=Ignore). */
    record Outcome(String remotePath, boolean skipped) {
    }

    private final FtpConfiguration cfg;

    FtpUploader(FtpConfiguration cfg) {
        this.cfg = cfg;
    }

    /** The temporary name (relative) an atomic upload of {@code name} writes to. */
    String temporaryName(String name) {
        return RemotePaths.join(RemotePaths.parent(name), cfg.getTempPrefix() + RemotePaths.name(name));
    }

    Outcome upload(FtpSession s, String name, InputStream body, boolean ascii, FtpFileExist fileExist) {
        String target = s.resolve(name);
        switch (fileExist) {
            case Append:
                return new Outcome(append(s, name, body, ascii), false);
            case Ignore:
                if (s.exists(target)) {
                    return new Outcome(target, true);
                }
                break;
            case Fail:
                if (s.exists(target)) {
                    throw new NetprotoException("Remote file " + target + " already exists (fileExist=Fail)");
                }
                break;
            default:
                break;
        }
        if (!cfg.isAtomicUpload()) {
            store(s, name, target, body, ascii, false);
            return new Outcome(target, false);
        }
        String temp = s.resolve(temporaryName(name));
        store(s, name, temp, body, ascii, false);
        replace(s, temp, target);
        return new Outcome(target, false);
    }

    String append(FtpSession s, String name, InputStream body, boolean ascii) {
        String target = s.resolve(name);
        store(s, name, target, body, ascii, true);
        return target;
    }

    /** STOR/APPE; with autoCreate the file's directories are made first (once per session). */
    private void store(FtpSession s, String name, String path, InputStream body, boolean ascii, boolean append) {
        String parent = RemotePaths.parent(name);
        if (cfg.isAutoCreate() && !parent.isEmpty()) {
            s.ensureDirectory(s.resolve(parent));
        }
        s.store(path, body, ascii, append, cfg.isVerifyUploadSize());
    }

    /** Renames the complete temporary file onto the target, moving an existing target aside first if needed. */
    private static void replace(FtpSession s, String temp, String target) {
        if (s.tryRename(temp, target)) {
            return;
        }
        if (!s.exists(target)) {
            s.rename(temp, target);
            return;
        }
        String aside = temp + ".old";
        s.rename(target, aside);
        s.rename(temp, target);
        s.tryDelete(aside);
    }
}
