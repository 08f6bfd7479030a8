package io.netproto.examples;

import java.util.List;

/**
 * What the demo did, as seen on the FTP server at the end.
 *
 * @param uploaded  names uploaded into /inbox by the producer
 * @param processed names the consumer route transformed into /outbox
 * @param done      names in /done (moved there by the consumer after success)
 * @param inbox     names left in /inbox
 * @param outbox    the raw /outbox listing lines (operation dir)
 */
public record DemoSummary(List<String> uploaded, List<String> processed, List<String> done, List<String> inbox,
                          List<String> outbox) {

    public DemoSummary {
        uploaded = List.copyOf(uploaded);
        processed = List.copyOf(processed);
        done = List.copyOf(done);
        inbox = List.copyOf(inbox);
        outbox = List.copyOf(outbox);
    }

    /** The one-line summary the demo prints last. */
    public String describe() {
        return String.format("summary: %d uploaded to /inbox, %d transformed into /outbox, %d moved to /done, %d left in /inbox, "
                             + "%d listed in /outbox", uploaded.size(), processed.size(), done.size(), inbox.size(), outbox.size());
    }
}
