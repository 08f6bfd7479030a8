package io.netproto.camel.ftp;

import javax.net.ssl.SSLContext;

import org.apache.commons.net.ftp.FTPSClient;

/**
 * FTPS client whose data connections resume the control connection's TLS session, as servers
 * requiring TLS session reuse (vsftpd's default {@code require_ssl_reuse=YES}) demand.
 */
final class SessionReuseFtpsClient extends FTPSClient {

    SessionReuseFtpsClient(boolean implicit, SSLContext context) {
        super(implicit, context);
    }
}
