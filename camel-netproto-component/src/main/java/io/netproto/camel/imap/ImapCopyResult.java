package io.netproto.camel.imap;

import java.util.List;

/**
 * The outcome of copy or move.
 *
 * @param destination            the destination mailbox
 * @param sourceUids             the UIDs copied or moved, in the order the server reported them (the requested set
 *                               when the server sent no COPYUID)
 * @param destinationUids        their UIDs in the destination, same order; empty when the server has no UIDPLUS
 * @param destinationUidValidity the destination's UIDVALIDITY, 0 when unknown
 */
public record ImapCopyResult(String destination, List<Long> sourceUids, List<Long> destinationUids, long destinationUidValidity) {
}
