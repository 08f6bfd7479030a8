package io.netproto.camel.ftp;

import org.apache.camel.Exchange;
import org.apache.camel.spi.Metadata;

/** Message headers of the netftp endpoint. */
public final class FtpConstants {

    @Metadata(label = "producer", description = "The operation to perform, overriding the operation option.",
              javaType = "io.netproto.camel.ftp.FtpOperation")
    public static final String OPERATION = "CamelNetFtpOperation";
    @Metadata(description = "Producer: the remote file name, relative to the endpoint directory (overrides the fileName option). "
                            + "Consumer: the file's path relative to the endpoint directory.",
              javaType = "String")
    public static final String FILE_NAME = Exchange.FILE_NAME;
    @Metadata(label = "consumer", description = "The file's name without any directory.", javaType = "String")
    public static final String FILE_NAME_ONLY = Exchange.FILE_NAME_ONLY;
    @Metadata(label = "consumer", description = "The file's path relative to the endpoint directory.", javaType = "String")
    public static final String FILE_RELATIVE_PATH = "CamelFileRelativePath";
    @Metadata(description = "The file's size in bytes.", javaType = "long")
    public static final String FILE_LENGTH = Exchange.FILE_LENGTH;
    @Metadata(description = "The file's last modification time, in milliseconds since the epoch.", javaType = "long")
    public static final String FILE_LAST_MODIFIED = Exchange.FILE_LAST_MODIFIED;
    @Metadata(description = "The absolute remote path of the file or directory the operation acted on.", javaType = "String")
    public static final String REMOTE_PATH = "CamelNetFtpRemotePath";
    @Metadata(label = "producer",
              description = "The directory argument of cwd, dir, nlst, mlsd, mkd and rmd, relative to the endpoint directory.",
              javaType = "String")
    public static final String PATH = "CamelNetFtpPath";
    @Metadata(label = "producer", description = "The new name for the rename operation, relative to the endpoint directory.",
              javaType = "String")
    public static final String NEW_NAME = "CamelNetFtpNewName";
    @Metadata(label = "producer", description = "Restart offset for retrbinary (REST): the download starts at this byte.",
              javaType = "long")
    public static final String RESTART_OFFSET = "CamelNetFtpRestartOffset";
    @Metadata(label = "producer", description = "The fileExist strategy for this upload, overriding the fileExist option.",
              javaType = "io.netproto.camel.ftp.FtpFileExist")
    public static final String FILE_EXIST = "CamelNetFtpFileExist";
    @Metadata(description = "The reply code of the last FTP command of the operation.", javaType = "int")
    public static final String REPLY_CODE = "CamelNetFtpReplyCode";
    @Metadata(description = "The reply text of the last FTP command of the operation.", javaType = "String")
    public static final String REPLY_STRING = "CamelNetFtpReplyString";
    @Metadata(label = "producer", description = "Whether an upload was skipped because the target existed (fileExist=Ignore).",
              javaType = "boolean")
    public static final String UPLOAD_SKIPPED = "CamelNetFtpUploadSkipped";

    private FtpConstants() {
    }
}
