package io.netproto.camel.ftp;

import java.io.IOException;
import java.net.Socket;

import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPCmd;

/** The plain FTP client, opening listings for {@link ListingReader}. */
final class ListingFtpClient extends FTPClient implements ListingConnections {

    @Override
    public Socket openListing(FTPCmd command, String argument) throws IOException {
        return _openDataConnection_(command, argument);
    }
}
