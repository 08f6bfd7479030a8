package io.netproto.camel.smtp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one {@code sendmail}, per recipient: the header CamelSmtpSendResult after a send, and
 * {@link SmtpSendException#getResult()} when the send failed.
 *
 * @param messageId the Message-ID of the mail
 * @param sent      whether the server took the message (DATA accepted) for at least one recipient
 * @param accepted  the recipients the server accepted (RCPT TO answered 2xx); when {@code sent} is false nothing was
 *                  delivered to them either
 * @param refused   the recipients the server refused, with its reply
 * @param replyCode the server's reply code to the end of the message (or to the failing command)
 * @param replyText the server's reply text, without the code
 */
public record SendResult(String messageId, boolean sent, List<String> accepted, List<RefusedRecipient> refused,
        int replyCode, String replyText) {

    /** Copies the lists. */
    public SendResult {
        accepted = List.copyOf(accepted);
        refused = List.copyOf(refused);
    }

    /**
     * A recipient the server refused.
     *
     * @param address   the address
     * @param replyCode the reply code to RCPT TO, e.g. 550 (permanent) or 450 (try again later)
     * @param replyText the reply text, without the code
     */
    public record RefusedRecipient(String address, int replyCode, String replyText) {

        /** @return whether the refusal is temporary (4xx): sending again later may succeed */
        public boolean isTransient() {
            return replyCode >= 400 && replyCode < 500;
        }

        @Override
        public String toString() {
            return address + " (" + replyCode + " " + replyText + ")";
        }
    }

    /** @return whether every recipient was accepted and the message was sent */
    public boolean isComplete() {
        return sent && refused.isEmpty();
    }

    /** @return the fields as a map (keys as the record components), refused recipients as strings */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("messageId", messageId);
        map.put("sent", sent);
        map.put("accepted", accepted);
        map.put("refused", refused.stream().map(RefusedRecipient::toString).toList());
        map.put("replyCode", replyCode);
        map.put("replyText", replyText);
        return map;
    }

    @Override
    public String toString() {
        return (sent ? "sent " : "not sent ") + messageId + " accepted=" + accepted + " refused=" + refused + " ("
               + replyCode + " " + replyText + ")";
    }
}
