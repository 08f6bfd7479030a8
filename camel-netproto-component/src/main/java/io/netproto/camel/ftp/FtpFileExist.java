package io.netproto.camel.ftp;

/** What an upload does when the target file already exists. */
public enum FtpFileExist {
    /** Replace the target atomically: the new content is complete before the old one goes. */
    Override,
    /** Fail the exchange, leaving the target as it is. */
    Fail,
    /** Leave the target as it is and do not upload; the header CamelNetFtpUploadSkipped is set. */
    Ignore,
    /** Append the content to the target (APPE). */
    Append
}
