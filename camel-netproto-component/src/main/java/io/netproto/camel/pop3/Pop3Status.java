package io.netproto.camel.pop3;

/**
 * The answer to STAT: the state of the mailbox when the session began.
 *
 * @param count  the number of messages in the mailbox
 * @param octets the size of all messages together, in octets
 */
public record Pop3Status(int count, long octets) {

    @Override
    public String toString() {
        return count + " messages, " + octets + " octets";
    }
}
