package io.netproto.testkit.ftp;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;

/** Answers the commands a test chose to refuse with {@code 550} instead of carrying them out. */
final class CommandRefusals extends DefaultFtplet {

    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    void refuse(String verb) {
        refused.add(verb.toUpperCase(Locale.ROOT));
    }

    void allow(String verb) {
        refused.remove(verb.toUpperCase(Locale.ROOT));
    }

    @Override
    public FtpletResult beforeCommand(FtpSession session, FtpRequest request) throws FtpException {
        if (!refused.contains(request.getCommand().toUpperCase(Locale.ROOT))) {
            return FtpletResult.DEFAULT;
        }
        session.write(new DefaultFtpReply(FtpReply.REPLY_550_REQUESTED_ACTION_NOT_TAKEN, "Refused by the test"));
        return FtpletResult.SKIP;
    }
}
