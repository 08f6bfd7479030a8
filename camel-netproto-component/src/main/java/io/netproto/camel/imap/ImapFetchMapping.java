package io.netproto.camel.imap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.ParameterList;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.BODYSTRUCTURE;
import org.eclipse.angus.mail.imap.protocol.ENVELOPE;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.Item;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;

/** Turns UID FETCH responses into {@link ImapFetchResult} records. */
final class ImapFetchMapping {

    private ImapFetchMapping() {
    }

    static List<ImapFetchResult> results(Response[] responses, Set<ImapFetchPart> parts) {
        List<ImapFetchResult> results = new ArrayList<>();
        for (Response response : responses) {
            if (response instanceof FetchResponse fetch) {
                UID uid = fetch.getItem(UID.class);
                if (uid != null) {
                    results.add(result(uid.uid, fetch, parts));
                }
            }
        }
        results.sort(Comparator.comparingLong(ImapFetchResult::uid));
        return results;
    }

    private static ImapFetchResult result(long uid, FetchResponse fetch, Set<ImapFetchPart> parts) {
        List<String> flags = null;
        ImapEnvelope envelope = null;
        ImapBodyStructure structure = null;
        Long size = null;
        String header = null;
        byte[] text = null;
        for (int i = 0; i < fetch.getItemCount(); i++) {
            Item item = fetch.getItem(i);
            if (item instanceof FLAGS f && parts.contains(ImapFetchPart.FLAGS)) {
                flags = ImapFlags.names(f);
            } else if (item instanceof ENVELOPE e && parts.contains(ImapFetchPart.ENVELOPE)) {
                envelope = envelope(e);
            } else if (item instanceof BODYSTRUCTURE b && parts.contains(ImapFetchPart.BODYSTRUCTURE)) {
                structure = structure(b);
            } else if (item instanceof RFC822SIZE s && parts.contains(ImapFetchPart.SIZE)) {
                size = s.size;
            } else if (item instanceof BODY body) {
                String section = body.getSection() == null ? "" : body.getSection().toUpperCase(Locale.ROOT);
                byte[] bytes = body.getByteArrayInputStream() == null ? new byte[0] : body.getByteArrayInputStream().readAllBytes();
                if (section.equals("HEADER")) {
                    header = new String(bytes, StandardCharsets.ISO_8859_1);
                } else if (section.equals("TEXT")) {
                    text = bytes;
                }
            }
        }
        return new ImapFetchResult(uid, flags, envelope, structure, size, header, text);
    }

    private static ImapEnvelope envelope(ENVELOPE e) {
        return new ImapEnvelope(e.date, e.subject, addresses(e.from), addresses(e.sender), addresses(e.replyTo),
                addresses(e.to), addresses(e.cc), addresses(e.bcc), e.inReplyTo, e.messageId);
    }

    private static List<String> addresses(InternetAddress[] addresses) {
        List<String> result = new ArrayList<>();
        if (addresses != null) {
            for (InternetAddress address : addresses) {
                result.add(address.toUnicodeString());
            }
        }
        return result;
    }

    private static ImapBodyStructure structure(BODYSTRUCTURE b) {
        String type = (b.type == null ? "text" : b.type) + "/" + (b.subtype == null ? "plain" : b.subtype);
        String fileName = parameter(b.dParams, "filename");
        if (fileName == null) {
            fileName = parameter(b.cParams, "name");
        }
        List<ImapBodyStructure> parts = new ArrayList<>();
        if (b.isMulti() && b.bodies != null) {
            for (BODYSTRUCTURE part : b.bodies) {
                parts.add(structure(part));
            }
        }
        return new ImapBodyStructure(type.toLowerCase(Locale.ROOT), b.isMulti() ? null : b.encoding, b.isMulti() ? -1 : b.size,
                b.disposition, fileName, parts);
    }

    private static String parameter(ParameterList list, String name) {
        return list == null ? null : list.get(name);
    }
}
