package io.netproto.camel.pop3;

import org.apache.camel.spi.Metadata;

/** Message headers of the pop3 endpoint (schemes pop3, pop3s, netpop3, netpop3s). */
public final class Pop3Constants {

    @Metadata(label = "producer", description = "The operation to perform, overriding the operation option.",
              javaType = "io.netproto.camel.pop3.Pop3Operation")
    public static final String OPERATION = "CamelPop3Operation";
    @Metadata(description = "Consumer: the message's number in the session that delivered it. Producer: the message that list,"
                            + " retr, dele, uidl and top act on. Message numbers are only valid within one POP3 session; when"
                            + " CamelPop3Uid is also set, the unique id wins.",
              javaType = "Integer")
    public static final String MESSAGE_NUMBER = "CamelPop3MessageNumber";
    @Metadata(description = "The message's unique id (UIDL), stable across sessions. Producer: selects the message of list,"
                            + " retr, dele, uidl and top, and takes precedence over CamelPop3MessageNumber.",
              javaType = "String")
    public static final String UID = "CamelPop3Uid";
    @Metadata(description = "The message's size in octets, as the server reports it in LIST.", javaType = "Long")
    public static final String SIZE = "CamelPop3Size";
    @Metadata(label = "producer", description = "The number of body lines the top operation returns after the headers (default 0).",
              javaType = "Integer")
    public static final String TOP_LINES = "CamelPop3TopLines";

    private Pop3Constants() {
    }
}
