package io.netproto.testkit.mail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.smtp.SmtpConnection;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.commands.AuthCommand;
import com.icegreen.greenmail.smtp.commands.SmtpCommand;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;

/**
 * GreenMail's SMTP commands, with additions for tests: {@code EHLO} advertises extra extension keywords (GreenMail
 * itself advertises only {@code AUTH}), {@code RCPT TO} refuses chosen addresses with a chosen reply, and every command
 * line received is recorded, with {@code AUTH} shortened to its mechanism so that no credential is kept.
 */
final class SmtpCommands extends SmtpCommandRegistry {

    private final List<String> extensions = new CopyOnWriteArrayList<>();
    private final Queue<String> received = new ConcurrentLinkedQueue<>();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private final SmtpCommand ehlo = new Ehlo();
    private final SmtpCommand rcpt = new Rcpt();

    void advertise(List<String> keywords) {
        extensions.addAll(keywords);
    }

    void refuse(String address, String reply) {
        refusals.put(address.toLowerCase(Locale.ROOT), reply);
    }

    List<String> received() {
        return new ArrayList<>(received);
    }

    void clearReceived() {
        received.clear();
    }

    @Override
    public SmtpCommand getCommand(String name) {
        SmtpCommand command = "EHLO".equals(name) ? ehlo : "RCPT".equals(name) ? rcpt : super.getCommand(name);
        return command == null ? null : new Recording(command);
    }

    private static String redact(String commandLine) {
        String[] words = commandLine.split(" ", 3);
        if (words[0].toUpperCase(Locale.ROOT).equals("AUTH")) {
            return words.length > 1 ? words[0] + ' ' + words[1] : words[0];
        }
        return commandLine;
    }

    private final class Recording extends SmtpCommand {
        private final SmtpCommand delegate;

        Recording(SmtpCommand delegate) {
            this.delegate = delegate;
        }

        @Override
        public void execute(SmtpConnection conn, SmtpState state, SmtpManager manager, String commandLine)
                throws IOException {
            received.add(redact(commandLine));
            delegate.execute(conn, state, manager, commandLine);
        }
    }

    /** GreenMail's RCPT, unless the address is to be refused. */
    private final class Rcpt extends SmtpCommand {
        private final Pattern address = Pattern.compile("RCPT TO:\\s?<([^>]*)>.*", Pattern.CASE_INSENSITIVE);
        private final SmtpCommand delegate = SmtpCommands.super.getCommand("RCPT");

        @Override
        public void execute(SmtpConnection conn, SmtpState state, SmtpManager manager, String commandLine)
                throws IOException {
            Matcher matcher = address.matcher(commandLine);
            String refusal = matcher.matches() ? refusals.get(matcher.group(1).toLowerCase(Locale.ROOT)) : null;
            if (refusal != null) {
                conn.send(refusal);
            } else {
                delegate.execute(conn, state, manager, commandLine);
            }
        }
    }

    /** GreenMail's EHLO reply plus the extra keywords. */
    private final class Ehlo extends SmtpCommand {
        @Override
        public void execute(SmtpConnection conn, SmtpState state, SmtpManager manager, String commandLine) {
            conn.setHeloName(commandLine.length() > 5 ? commandLine.substring(5) : null);
            state.clearMessage();
            conn.send("250-" + conn.getServerGreetingsName());
            for (String extension : extensions) {
                conn.send("250-" + extension);
            }
            conn.send("250 AUTH " + AuthCommand.SUPPORTED_AUTH_MECHANISM);
        }
    }
}
