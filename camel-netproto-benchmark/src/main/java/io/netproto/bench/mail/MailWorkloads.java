package io.netproto.bench.mail;

import java.util.List;

import io.netproto.bench.Scale;
import io.netproto.bench.Workload;

/** The SMTP, POP3 and IMAP workloads of the benchmark. */
public final class MailWorkloads {

    private MailWorkloads() {
    }

    public static List<Workload> all(Scale scale) {
        return List.of(new SmtpWorkload(scale, false), new SmtpWorkload(scale, true), new Pop3Workload(scale),
                new ImapWorkload(scale), new ImapIdleWorkload(scale));
    }
}
