package io.netproto.testkit.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What {@link StartTlsFront} says in clear text before the upgrade, per protocol: its greeting, its answer to each
 * command, and how to recognise the end of the upstream server's greeting; plus the unbuffered line I/O of that dialog.
 */
enum StartTlsDialog {

    /** SMTP with STARTTLS (RFC 3207). */
    SMTP("smtp", "220 127.0.0.1 ESMTP StartTlsFront ready") {
        @Override
        Step answer(String verb, String argument) {
            return switch (verb) {
                case "EHLO" -> Step.reply("250-127.0.0.1 greets " + argument
                                          + "\r\n250-STARTTLS\r\n250 AUTH PLAIN LOGIN");
                case "HELO" -> Step.reply("250 127.0.0.1");
                case "NOOP" -> Step.reply("250 2.0.0 OK");
                case "STARTTLS" -> new Step("220 2.0.0 Ready to start TLS", Next.UPGRADE);
                case "QUIT" -> new Step("221 2.0.0 Bye", Next.CLOSE);
                default -> Step.reply("530 Must issue a STARTTLS command first");
            };
        }

        @Override
        boolean endsGreeting(String line) {
            return line.length() < 4 || line.charAt(3) != '-';
        }

        @Override
        boolean isPositive(String line) {
            return line.startsWith("220");
        }

        @Override
        String unavailable() {
            return "421 4.3.0 Upstream SMTP server unavailable";
        }
    },

    /** POP3 with STLS (RFC 2595). */
    POP3("pop3", "+OK StartTlsFront POP3 ready") {
        @Override
        Step answer(String verb, String argument) {
            return switch (verb) {
                case "CAPA" -> Step.reply("+OK Capability list follows\r\nUSER\r\nUIDL\r\nTOP\r\nSTLS\r\n.");
                case "STLS" -> new Step("+OK Begin TLS", Next.UPGRADE);
                case "QUIT" -> new Step("+OK Bye", Next.CLOSE);
                default -> Step.reply("-ERR Must issue an STLS command first");
            };
        }

        @Override
        boolean endsGreeting(String line) {
            return true;
        }

        @Override
        boolean isPositive(String line) {
            return line.startsWith("+OK");
        }

        @Override
        String unavailable() {
            return "-ERR Upstream POP3 server unavailable";
        }
    },

    /** IMAP with STARTTLS (RFC 3501 section 6.2.1): tagged commands; LOGIN is disabled in clear text. */
    IMAP("imap", "* OK StartTlsFront IMAP ready") {
        @Override
        Step answer(String tag, String command) {
            int space = command.indexOf(' ');
            String verb = (space < 0 ? command : command.substring(0, space)).toUpperCase(Locale.ROOT);
            return switch (verb) {
                case "CAPABILITY" -> Step.reply("* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\n" + tag + " OK CAPABILITY completed");
                case "NOOP" -> Step.reply(tag + " OK NOOP completed");
                case "STARTTLS" -> new Step(tag + " OK Begin TLS negotiation now", Next.UPGRADE);
                case "LOGOUT" -> new Step("* BYE logging out\r\n" + tag + " OK LOGOUT completed", Next.CLOSE);
                default -> Step.reply(tag + " NO Must issue a STARTTLS command first");
            };
        }

        @Override
        boolean endsGreeting(String line) {
            return true;
        }

        @Override
        boolean isPositive(String line) {
            return line.startsWith("* OK");
        }

        @Override
        String unavailable() {
            return "* BYE Upstream IMAP server unavailable";
        }
    };

    private static final int MAX_LINE_LENGTH = 4096;

    private final String protocol;
    private final String greeting;

    StartTlsDialog(String protocol, String greeting) {
        this.protocol = protocol;
        this.greeting = greeting;
    }

    /** @return {@code "smtp"}, {@code "pop3"} or {@code "imap"} */
    String protocol() {
        return protocol;
    }

    /**
     * The dialog in clear text: greets, then answers commands until the client asks for the upgrade or quits.
     *
     * @param  in     the client's input, read unbuffered
     * @param  out    the client's output
     * @param  record receives every command line
     * @return        whether the client asked for the upgrade (else it quit or disconnected)
     */
    boolean talk(InputStream in, OutputStream out, Consumer<String> record) throws IOException {
        write(out, greeting);
        Step step;
        do {
            String line = readLine(in);
            if (line == null) {
                return false;
            }
            record.accept(line);
            step = answer(line);
            write(out, step.reply());
        } while (step.next() == Next.CONTINUE);
        return step.next() == Next.UPGRADE;
    }

    /**
     * The answer to a command line received in clear text.
     *
     * @param  line the command line, without the line end
     * @return      the reply and what happens next
     */
    private Step answer(String line) {
        String trimmed = line.strip();
        int space = trimmed.indexOf(' ');
        String word = space < 0 ? trimmed : trimmed.substring(0, space);
        String verb = this == IMAP ? word : word.toUpperCase(Locale.ROOT);
        return answer(verb, space < 0 ? "" : trimmed.substring(space + 1).strip());
    }

    /**
     * The answer to a command.
     *
     * @param verb     the first word of the line, upper case (the tag for IMAP, as given)
     * @param argument the rest of the line
     */
    abstract Step answer(String verb, String argument);

    /**
     * Reads the upstream server's greeting, which the client must not see: it had the front's.
     *
     * @throws IOException when the server closes the connection or does not accept it
     */
    void skipGreeting(InputStream in) throws IOException {
        String line;
        do {
            line = readLine(in);
        } while (line != null && !endsGreeting(line));
        if (line == null || !isPositive(line)) {
            throw new IOException("unexpected upstream " + protocol + " greeting: " + line);
        }
    }

    /** Whether this line of the upstream server's greeting is its last one. */
    abstract boolean endsGreeting(String line);

    /** Whether the upstream server's greeting accepts the connection. */
    abstract boolean isPositive(String line);

    /** The reply sent over TLS when the upstream server cannot be reached. */
    abstract String unavailable();

    /**
     * Reads one line byte by byte, so that nothing after it is consumed: the TLS handshake may follow.
     *
     * @return the line without its end, {@code null} at end of stream
     */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return null;
            }
            if (line.size() >= MAX_LINE_LENGTH) {
                throw new IOException("line longer than " + MAX_LINE_LENGTH + " bytes");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** Writes a reply and its line end in one piece. */
    static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** What the front does after replying. */
    private enum Next {
        /** Read the next command in clear text. */
        CONTINUE,
        /** Upgrade the connection to TLS, then relay to the upstream server. */
        UPGRADE,
        /** Close the connection. */
        CLOSE
    }

    /**
     * A reply (one or more lines, without the final line end) and the step after it.
     *
     * @param reply the reply text
     * @param next  what happens next
     */
    private record Step(String reply, Next next) {
        static Step reply(String reply) {
            return new Step(reply, Next.CONTINUE);
        }
    }
}
