package io.netproto.camel.ftp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPFileEntryParser;
import org.apache.commons.net.ftp.parser.DefaultFTPFileEntryParserFactory;

/** Turns the lines of a listing, read by {@link ListingReader}, into {@link FtpEntry}s with Commons Net's parsers. */
final class FtpListings {

    /**
     * The bounds of one listing.
     *
     * @param maxEntries most lines (entries) of one listing
     * @param maxBytes   most bytes of one listing
     */
    record Limits(int maxEntries, long maxBytes) {
        static final Limits DEFAULT = new Limits(FtpConfiguration.DEFAULT_MAX_LISTING_ENTRIES, FtpConfiguration.DEFAULT_MAX_LISTING_SIZE);
    }

    private FtpListings() {
    }

    /** The LIST parser for the server's system type (SYST, or the {@code org.apache.commons.net.ftp.systemType} property). */
    static FTPFileEntryParser parserFor(String systemType) {
        return new DefaultFTPFileEntryParserFactory().createFileEntryParser(systemType);
    }

    /** Parses the lines; lines the parser does not understand are dropped, as Commons Net's own listing does. */
    static List<FtpEntry> entries(FTPFileEntryParser parser, List<String> lines, String relativeDir, String remoteDir) {
        List<String> prepared = parser.preParse(new ArrayList<>(lines));
        List<FtpEntry> entries = new ArrayList<>(prepared.size());
        for (String line : prepared) {
            FTPFile f = parser.parseFTPEntry(line);
            if (f == null || f.getName() == null) {
                continue;
            }
            String name = f.getName();
            FtpEntry.Type type = f.isFile() ? FtpEntry.Type.FILE
                    : f.isDirectory() ? FtpEntry.Type.DIRECTORY : f.isSymbolicLink() ? FtpEntry.Type.LINK : FtpEntry.Type.UNKNOWN;
            Instant modified = f.getTimestamp() != null ? f.getTimestamp().toInstant() : null;
            entries.add(new FtpEntry(name, RemotePaths.join(relativeDir, name), RemotePaths.join(remoteDir, name),
                    type, f.getSize(), modified, line));
        }
        return entries;
    }
}
