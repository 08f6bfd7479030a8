package io.netproto.bench.mail;

import io.netproto.bench.Contender;
import io.netproto.bench.Measurement;
import io.netproto.bench.Role;

/** A contender of a mail workload, made of its name, role, untimed preparation and timed run. */
record MailContender(String name, Role role, Step preparation, Run work) implements Contender {

    /** Untimed work, such as filling the mailbox. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    /** The timed work: moves every item or throws. */
    @FunctionalInterface
    interface Run {
        Measurement run() throws Exception;
    }

    @Override
    public void prepare() throws Exception {
        preparation.run();
    }

    @Override
    public Measurement run() throws Exception {
        return work.run();
    }
}
