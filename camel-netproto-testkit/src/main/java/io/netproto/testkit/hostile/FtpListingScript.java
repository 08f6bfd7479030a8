package io.netproto.testkit.hostile;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Locale;
import java.util.Random;

/**
 * An FTP server conversation that is well-behaved on the control connection (passive mode, PASV or EPSV) and hostile
 * on the data connection of every listing, as its {@link ListingKind} says. LIST gets Unix {@code ls -l} lines, MLSD
 * fact lines, NLST bare names; RETR sends {@value #FILE_CONTENT} for any file. Data connections listen on 127.0.0.1 and wait at most
 * {@value #ACCEPT_TIMEOUT_MILLIS} ms for the client.
 */
public final class FtpListingScript implements Script {

    static final int ACCEPT_TIMEOUT_MILLIS = 10_000;
    /** Endless listings stop after this many bytes, far beyond any client limit. */
    static final long ENDLESS_BYTES = 1L << 32;
    /** The content of every file (the size the listings announce). */
    public static final String FILE_CONTENT = "data";
    private static final int LONG_LINE = 10 * 1024 * 1024;
    private static final int LONG_ENTRY = 60 * 1024;

    private final ListingKind kind;
    private final long seed;
    private final FtpGrammar grammar = new FtpGrammar();

    private FtpListingScript(ListingKind kind, long seed) {
        this.kind = kind;
        this.seed = seed;
    }

    /** A conversation whose listings are of the kind; the seed drives the random bytes of {@link ListingKind#GARBAGE}. */
    public static FtpListingScript of(ListingKind kind, long seed) {
        return new FtpListingScript(kind, seed);
    }

    public ListingKind kind() {
        return kind;
    }

    @Override
    public void run(Conversation control) throws IOException {
        control.send(grammar.greeting());
        ServerSocket passive = null;
        try {
            String line;
            while ((line = control.readLine()) != null) {
                String verb = CodeGrammar.verb(line);
                switch (verb) {
                    case "PASV", "EPSV" -> {
                        closeQuietly(passive);
                        passive = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                        passive.setSoTimeout(ACCEPT_TIMEOUT_MILLIS);
                        int port = passive.getLocalPort();
                        control.send("PASV".equals(verb)
                                ? "227 Entering Passive Mode (127,0,0,1," + (port >> 8) + "," + (port & 0xff) + ")\r\n"
                                : "229 Entering Extended Passive Mode (|||" + port + "|)\r\n");
                    }
                    case "LIST", "MLSD", "NLST" -> {
                        if (passive == null) {
                            control.send("425 Use PASV first\r\n");
                            continue;
                        }
                        control.send("150 Here comes the listing\r\n");
                        try (Socket data = passive.accept()) {
                            data.setSoTimeout(HostileServer.IDLE_TIMEOUT_MILLIS);
                            sendListing(new Conversation(data), verb);
                        } catch (IOException e) {
                            // the client closed the data connection: it gave up on the listing
                        }
                        closeQuietly(passive);
                        passive = null;
                        control.send(kind == ListingKind.TRUNCATED ? "426 Connection closed; transfer aborted\r\n"
                                : "226 Transfer complete\r\n");
                    }
                    case "RETR" -> {
                        if (passive == null) {
                            control.send("425 Use PASV first\r\n");
                            continue;
                        }
                        control.send("150 Sending\r\n");
                        try (Socket data = passive.accept()) {
                            new Conversation(data).send(FILE_CONTENT);
                        }
                        closeQuietly(passive);
                        passive = null;
                        control.send("226 Transfer complete\r\n");
                    }
                    default -> {
                        if (!grammar.answer(control, line)) {
                            return;
                        }
                    }
                }
            }
        } finally {
            closeQuietly(passive);
        }
    }

    private void sendListing(Conversation data, String verb) throws IOException {
        switch (kind) {
            case VALID -> {
                for (int n = 0; n < 3; n++) {
                    data.send(entry(verb, n, ""));
                }
            }
            case ENDLESS -> data.sendEndless(n -> entry(verb, n, ""), ENDLESS_BYTES);
            case ENDLESS_LONG_ENTRIES -> {
                String padding = "p".repeat(LONG_ENTRY);
                data.sendEndless(n -> entry(verb, n, padding), ENDLESS_BYTES);
            }
            case OVERLONG_LINE -> data.sendLongLine(entry(verb, 0, "").strip(), LONG_LINE);
            case GARBAGE -> {
                byte[] bytes = new byte[1 + new Random(seed).nextInt(64 * 1024)];
                new Random(seed).nextBytes(bytes);
                data.send(bytes);
            }
            case TRUNCATED -> {
                String second = entry(verb, 1, "");
                data.send(entry(verb, 0, "") + second.substring(0, second.length() / 2));
            }
            case STALL -> data.stall();
        }
    }

    /** Entry n in the form of the listing command; the padding lengthens the name. */
    private static String entry(String verb, long n, String padding) {
        String name = "f" + n + padding + ".txt";
        return switch (verb) {
            case "MLSD" -> "type=file;size=4;modify=20240101000000; " + name + "\r\n";
            case "NLST" -> name + "\r\n";
            default -> "-rw-r--r--   1 owner group        4 Jan 01  2024 " + name + "\r\n";
        };
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }

    @Override
    public String toString() {
        return "ftp listing " + kind.name().toLowerCase(Locale.ROOT) + " (seed " + seed + ")";
    }
}
