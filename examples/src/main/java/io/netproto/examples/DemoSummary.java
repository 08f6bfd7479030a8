package io.netproto.examples;

import java.util.List;

/**
 * What the demo did.
 *
 * @param uploaded   names uploaded to /inbox by the netftp producer
 * @param mailed     names the netftp consumer picked up and netsmtp mailed
 * @param readByImap names of the attachments the netimap consumer read
 * @param readByPop3 names of the attachments the netpop3 consumer read
 * @param posted     Message-IDs of the digests the nntp producer posted
 * @param archived   remote paths of the articles the nntp consumer archived with netftp
 * @param inbox      names left in /inbox at the end
 */
public record DemoSummary(List<String> uploaded, List<String> mailed, List<String> readByImap, List<String> readByPop3,
                          List<String> posted, List<String> archived, List<String> inbox) {

    public DemoSummary {
        uploaded = List.copyOf(uploaded);
        mailed = List.copyOf(mailed);
        readByImap = List.copyOf(readByImap);
        readByPop3 = List.copyOf(readByPop3);
        posted = List.copyOf(posted);
        archived = List.copyOf(archived);
        inbox = List.copyOf(inbox);
    }

    /** The one-line summary the demo prints last. */
    public String describe() {
        return String.format("summary: %d files uploaded to FTP, %d mailed over SMTP, %d read over IMAP, %d read over POP3, "
                             + "%d digest posted to %s, %d article archived to FTP %s, %d left in /inbox",
                uploaded.size(), mailed.size(), readByImap.size(), readByPop3.size(), posted.size(), DemoServers.GROUP,
                archived.size(), String.join(", ", archived), inbox.size());
    }
}
