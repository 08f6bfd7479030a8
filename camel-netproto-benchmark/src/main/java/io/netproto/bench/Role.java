package io.netproto.bench;

/** Which side of the comparison a contender is on: the table's ratio columns divide by CAMEL and BARE results. */
public enum Role {
    /** One of our endpoints, with its default options unless the workload says otherwise. */
    NETPROTO,
    /** The Camel component users would otherwise pick (camel-ftp, camel-mail), tuned as documented. */
    CAMEL,
    /** A hand-written loop on the client library itself (Commons Net, Angus Mail): the ceiling to aim for. */
    BARE
}
