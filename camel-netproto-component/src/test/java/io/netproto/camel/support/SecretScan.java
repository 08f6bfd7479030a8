package io.netproto.camel.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** The forms a password takes on the wire or in a log: as is, and base64 as in AUTH LOGIN and AUTH PLAIN. */
public final class SecretScan {

    private SecretScan() {
    }

    /** The password, base64 of it (AUTH LOGIN) and base64 of {@code \0user\0password} (AUTH PLAIN, SASL PLAIN). */
    public static List<String> forms(String user, String password) {
        Base64.Encoder base64 = Base64.getEncoder();
        return List.of(password,
                base64.encodeToString(password.getBytes(StandardCharsets.UTF_8)),
                base64.encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether the text holds the password in any of its {@link #forms}. */
    public static boolean contains(String text, String user, String password) {
        return text != null && forms(user, password).stream().anyMatch(text::contains);
    }
}
