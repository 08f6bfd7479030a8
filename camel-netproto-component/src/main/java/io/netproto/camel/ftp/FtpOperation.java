package io.netproto.camel.ftp;

/**
 * The operations of the netftp producer, named after the classic FTP client operations. login and
 * quit are the connection's lifecycle and are handled by the endpoint.
 */
public enum FtpOperation {
    /** Current working directory (PWD) of a fresh session: the endpoint directory's absolute path. */
    pwd,
    /** Change working directory (CWD) and return the new absolute path. */
    cwd,
    /** LIST a directory: a list of {@link FtpEntry}, each with its raw line. */
    dir,
    /** NLST a directory: a list of names. */
    nlst,
    /** Download a file in ASCII mode (RETR); the body streams the text. */
    retrlines,
    /** Download a file in binary mode (RETR, optionally REST to resume); the body streams the bytes. */
    retrbinary,
    /** Upload the body in ASCII mode (STOR), atomically. */
    storlines,
    /** Upload the body in binary mode (STOR), atomically. */
    storbinary,
    /** Append the body to a remote file (APPE). */
    append,
    /** Rename a remote file (RNFR/RNTO). */
    rename,
    /** Delete a remote file (DELE). */
    delete,
    /** Create a remote directory (MKD). */
    mkd,
    /** Remove a remote directory (RMD). */
    rmd,
    /** Size of a remote file in bytes (SIZE). */
    size,
    /** Modification time of a remote file (MDTM). */
    mdtm,
    /** Machine-readable listing of a directory (MLSD), where the server supports it. */
    mlsd
}
