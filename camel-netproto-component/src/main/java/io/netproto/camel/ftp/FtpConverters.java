package io.netproto.camel.ftp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

import org.apache.camel.Converter;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;

/** Type converters for netftp bodies (generated loader, no reflection). */
@Converter(generateLoader = true)
public final class FtpConverters {

    private FtpConverters() {
    }

    @Converter
    public static InputStream toInputStream(FtpRemoteFile file) {
        return file.getInputStream();
    }

    @Converter
    public static byte[] toBytes(FtpRemoteFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return in.readAllBytes();
        }
    }

    @Converter
    public static String toString(FtpRemoteFile file, Exchange exchange) throws IOException {
        Charset charset = Charset.forName("UTF-8");
        if (exchange != null) {
            String name = exchange.getProperty(ExchangePropertyKey.CHARSET_NAME, String.class);
            if (name != null) {
                charset = Charset.forName(name);
            }
        }
        return new String(toBytes(file), charset);
    }

    @Converter
    public static String toString(FtpEntry entry) {
        return entry.toString();
    }
}
