package io.netproto.testkit.hostile;

import java.util.List;
import java.util.Random;

/** FTP replies (RFC 959): three-digit codes, multi-line {@code 211-} ... {@code 211 } replies. */
final class FtpGrammar extends CodeGrammar {

    @Override
    public String name() {
        return "ftp";
    }

    @Override
    public String greeting() {
        return "220 hostile FTP ready\r\n";
    }

    @Override
    public String valid(String command) {
        return switch (verb(command)) {
            case "" -> greeting();
            case "USER" -> "331 Password required\r\n";
            case "PASS", "ACCT" -> "230 Logged in\r\n";
            case "TYPE", "NOOP", "OPTS", "PBSZ", "PROT", "MODE", "STRU" -> "200 OK\r\n";
            case "PWD", "XPWD" -> "257 \"/\" is the current directory\r\n";
            case "CWD", "CDUP", "DELE", "RMD", "RNTO" -> "250 Done\r\n";
            case "MKD" -> "257 \"/new\" created\r\n";
            case "RNFR" -> "350 Ready for RNTO\r\n";
            case "FEAT" -> "211-Features:\r\n SIZE\r\n MDTM\r\n211 End\r\n";
            case "SIZE" -> "213 4\r\n";
            case "MDTM" -> "213 20240101000000\r\n";
            case "SYST" -> "215 UNIX Type: L8\r\n";
            case "QUIT" -> "221 Bye\r\n";
            default -> "502 Command not implemented\r\n";
        };
    }

    @Override
    public boolean isQuit(String command) {
        return "QUIT".equals(verb(command));
    }

    @Override
    List<String> refusals() {
        return List.of("421 Service not available, closing control connection", "530 Not logged in",
                "550 Requested action not taken", "452 Insufficient storage", "500 Syntax error", "425 Can't open data connection");
    }

    @Override
    String huge(Random random, String command) {
        return pick(random, List.of("213 99999999999999999999999\r\n", "213 -1\r\n", "257 \"" + "/x".repeat(20_000) + "\"\r\n",
                "227 Entering Passive Mode (999,999,999,999,999,999)\r\n", "213 2147483648\r\n"));
    }

    @Override
    Reply endless(Random random, String command) {
        return endlessContinuation(command == null ? "220" : "211", random.nextBoolean());
    }
}
