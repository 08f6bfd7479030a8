package io.netproto.camel.pop3;

/**
 * One line of the answer to LIST: a message of the mailbox.
 *
 * @param number the message's number, valid within the session that listed it (1 is the first message)
 * @param size   the message's size in octets, as the server reports it
 */
public record Pop3ListEntry(int number, long size) {

    @Override
    public String toString() {
        return number + " " + size;
    }
}
