package io.netproto.camel.imap;

import org.apache.camel.spi.Metadata;

/** Message headers of the imap endpoint (schemes imap, imaps, netimap, netimaps). */
public final class ImapConstants {

    @Metadata(label = "producer", description = "The operation to perform, overriding the operation option.",
              javaType = "io.netproto.camel.imap.ImapOperation")
    public static final String OPERATION = "CamelImapOperation";
    @Metadata(description = "The mailbox an operation acts on (producer, overriding the folder option), or the mailbox a"
                            + " consumed message came from.",
              javaType = "String")
    public static final String MAILBOX = "CamelImapMailbox";
    @Metadata(description = "Consumer: the UID of the delivered message. Producer (fetch, store, copy, move, expunge): the"
                            + " UIDs to act on, as an IMAP UID set string (1,3,5:9), a number or a collection of numbers."
                            + " Producer (append): the new message's UID, when the server has UIDPLUS.",
              javaType = "Object")
    public static final String UID = "CamelImapUid";
    @Metadata(description = "The mailbox's UIDVALIDITY (consumer; producer select, fetch and append).", javaType = "Long")
    public static final String UID_VALIDITY = "CamelImapUidValidity";
    @Metadata(label = "producer", description = "search: the IMAP search criteria, such as UNSEEN FROM \"bob\"; overrides the"
                                                + " criteria option.",
              javaType = "String")
    public static final String CRITERIA = "CamelImapCriteria";
    @Metadata(label = "producer", description = "search: the CHARSET of the criteria; overrides the charset option.",
              javaType = "String")
    public static final String CHARSET = "CamelImapCharset";
    @Metadata(label = "producer", description = "fetch: the parts, such as (FLAGS ENVELOPE BODY[HEADER]) or RFC822; overrides"
                                                + " the fetchParts option.",
              javaType = "String")
    public static final String FETCH_PARTS = "CamelImapFetchParts";
    @Metadata(description = "store and append: the flags and keywords, such as \\Seen \\Flagged $Label. Consumer and fetch:"
                            + " the message's flags.",
              javaType = "String")
    public static final String FLAGS = "CamelImapFlags";
    @Metadata(label = "producer", description = "store: add, remove or replace (default add).",
              javaType = "io.netproto.camel.imap.ImapStoreMode")
    public static final String STORE_MODE = "CamelImapStoreMode";
    @Metadata(label = "producer", description = "copy and move: the destination mailbox.", javaType = "String")
    public static final String DESTINATION = "CamelImapDestination";
    @Metadata(label = "producer", description = "select: open read-only (EXAMINE); overrides the readOnly option.",
              javaType = "Boolean")
    public static final String READ_ONLY = "CamelImapReadOnly";
    @Metadata(label = "producer", description = "list: the mailbox pattern (default *).", javaType = "String")
    public static final String PATTERN = "CamelImapPattern";
    @Metadata(label = "producer", description = "expunge: true to expunge every message flagged \\Deleted in the mailbox,"
                                                + " including other clients'; otherwise only the given UIDs are expunged.",
              javaType = "Boolean")
    public static final String EXPUNGE_ALL = "CamelImapExpungeAll";

    private ImapConstants() {
    }
}
