package io.netproto.testkit.fault;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the FTP passive replies of one control connection so that data connections also cross the proxy: each
 * {@code 227} (PASV) and {@code 229} (EPSV) reply gets the port of a one-shot relay to the server's data port.
 * Replies are complete CRLF lines; a partial line is held back until its end arrives. Works on clear-text control
 * connections only: an FTPS control connection passes unchanged, and its data connections go to the server directly.
 */
final class PassiveReplies implements ProxiedConnection.ReplyFilter {

    /** Opens a relay to a data port of the target and returns the relay's local port. */
    interface DataRelays {
        int open(int targetPort) throws IOException;
    }

    private static final Pattern PASV = Pattern.compile("^227 (.*?)\\(?(\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)\\)?(.*)$",
            Pattern.DOTALL);
    private static final Pattern EPSV = Pattern.compile("^229 (.*)\\(\\|\\|\\|(\\d+)\\|\\)(.*)$", Pattern.DOTALL);

    private final DataRelays relays;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    PassiveReplies(DataRelays relays) {
        this.relays = relays;
    }

    @Override
    public byte[] filter(byte[] chunk, int length) throws IOException {
        pending.write(chunk, 0, length);
        byte[] all = pending.toByteArray();
        int end = lastLineEnd(all);
        if (end < 0) {
            return new byte[0];
        }
        pending.reset();
        pending.write(all, end + 1, all.length - end - 1);
        String lines = new String(all, 0, end + 1, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(lines.length());
        for (String line : lines.split("(?<=\n)")) {
            out.append(rewrite(line));
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private String rewrite(String line) throws IOException {
        Matcher pasv = PASV.matcher(line);
        if (pasv.matches()) {
            int port = relays.open(Integer.parseInt(pasv.group(6)) * 256 + Integer.parseInt(pasv.group(7)));
            return "227 " + pasv.group(1) + "(127,0,0,1," + port / 256 + "," + port % 256 + ")" + pasv.group(8);
        }
        Matcher epsv = EPSV.matcher(line);
        if (epsv.matches()) {
            int port = relays.open(Integer.parseInt(epsv.group(2)));
            return "229 " + epsv.group(1) + "(|||" + port + "|)" + epsv.group(3);
        }
        return line;
    }

    private static int lastLineEnd(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
