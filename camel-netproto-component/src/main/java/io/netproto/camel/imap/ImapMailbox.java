package io.netproto.camel.imap;

import java.util.List;

/**
 * A mailbox as LIST names it.
 *
 * @param name       the full name (decoded from modified UTF-7)
 * @param delimiter  the hierarchy delimiter, 0 when the server has none
 * @param attributes the LIST attributes, such as {@code \HasNoChildren} or {@code \Noselect}
 */
public record ImapMailbox(String name, char delimiter, List<String> attributes) {
}
