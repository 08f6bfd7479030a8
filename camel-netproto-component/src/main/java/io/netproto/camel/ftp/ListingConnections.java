package io.netproto.camel.ftp;

import java.io.IOException;
import java.net.Socket;

import org.apache.commons.net.ftp.FTPCmd;

/**
 * An FTP client that hands a listing's data connection to the caller, so {@link ListingReader} reads it within
 * bounds instead of Commons Net's unbounded line reader.
 */
interface ListingConnections {

    /**
     * Sends the listing command (LIST, MLSD, NLST) and opens its data connection (TLS already layered on for FTPS).
     *
     * @return the data connection, or null when the server refused the command (its reply is the client's last)
     */
    Socket openListing(FTPCmd command, String argument) throws IOException;
}
