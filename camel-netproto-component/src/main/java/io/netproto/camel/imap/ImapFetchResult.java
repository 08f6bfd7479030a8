package io.netproto.camel.imap;

import java.util.List;

/**
 * What fetch returned for one message; the parts not asked for are null.
 *
 * @param uid           the message's UID
 * @param flags         its flags and keywords (FLAGS)
 * @param envelope      its ENVELOPE
 * @param bodyStructure its BODYSTRUCTURE
 * @param size          its size in octets (RFC822.SIZE)
 * @param header        the header block as text (BODY[HEADER])
 * @param text          the body without the headers (BODY[TEXT])
 */
public record ImapFetchResult(long uid, List<String> flags, ImapEnvelope envelope, ImapBodyStructure bodyStructure, Long size,
        String header, byte[] text) {
}
