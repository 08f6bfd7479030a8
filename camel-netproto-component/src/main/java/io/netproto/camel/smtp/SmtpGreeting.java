package io.netproto.camel.smtp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an SMTP server says when a session opens: the result of the {@code ehlo} and {@code helo} operations.
 *
 * @param greeting   the server's greeting (the 220 reply), e.g. {@code 220 mail.example.org ESMTP ready}
 * @param command    the command sent, {@code EHLO} or {@code HELO}
 * @param replyCode  the reply code to it, 250 on success
 * @param reply      the reply lines to it, codes included
 * @param extensions the ESMTP extensions advertised in the EHLO reply, keyword (upper case) to parameters (empty
 *                   when none), in the server's order; empty after HELO
 */
public record SmtpGreeting(String greeting, String command, int replyCode, List<String> reply,
        Map<String, String> extensions) {

    /** Copies the collections. */
    public SmtpGreeting {
        reply = List.copyOf(reply);
        extensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /**
     * @param  keyword an extension keyword such as {@code STARTTLS}, {@code SIZE} or {@code DSN}, in any case
     * @return         whether the server advertised it
     */
    public boolean supports(String keyword) {
        return extensions.containsKey(keyword.toUpperCase(java.util.Locale.ROOT));
    }

    /** @return the fields as a map (keys as the record components) */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("greeting", greeting);
        map.put("command", command);
        map.put("replyCode", replyCode);
        map.put("reply", reply);
        map.put("extensions", extensions);
        return map;
    }

    @Override
    public String toString() {
        return greeting + "\n" + String.join("\n", reply);
    }
}
