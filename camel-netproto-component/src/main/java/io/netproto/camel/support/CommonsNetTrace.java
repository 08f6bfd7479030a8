package io.netproto.camel.support;

import org.apache.commons.net.ProtocolCommandEvent;
import org.apache.commons.net.ProtocolCommandListener;

/** Feeds the dialogue of a Commons Net client (FTP, NNTP) into a {@link ProtocolTrace}. */
public final class CommonsNetTrace implements ProtocolCommandListener {

    private final ProtocolTrace trace;

    public CommonsNetTrace(ProtocolTrace trace) {
        this.trace = trace;
    }

    @Override
    public void protocolCommandSent(ProtocolCommandEvent event) {
        trace.command(event.getMessage());
    }

    @Override
    public void protocolReplyReceived(ProtocolCommandEvent event) {
        trace.reply(event.getMessage());
    }
}
