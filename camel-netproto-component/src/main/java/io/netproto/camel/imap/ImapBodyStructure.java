package io.netproto.camel.imap;

import java.util.List;

/**
 * The BODYSTRUCTURE of a message or of one of its parts.
 *
 * @param contentType the MIME type, such as {@code text/plain} or {@code multipart/mixed}
 * @param encoding    the transfer encoding of a single part, null for multiparts
 * @param size        the size in octets of a single part, -1 for multiparts
 * @param disposition inline or attachment, null when absent
 * @param fileName    the file name from the disposition or type parameters, null when absent
 * @param parts       the sub-parts of a multipart, empty for a single part
 */
public record ImapBodyStructure(String contentType, String encoding, int size, String disposition, String fileName,
        List<ImapBodyStructure> parts) {
}
