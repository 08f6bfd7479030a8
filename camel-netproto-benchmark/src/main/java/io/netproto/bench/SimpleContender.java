package io.netproto.bench;

import java.util.Objects;
import java.util.concurrent.Callable;

/** A contender made of two lambdas: a preparation (not timed) and a run (timed by itself). */
public final class SimpleContender implements Contender {

    /** A preparation step. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private final String name;
    private final Role role;
    private final Step preparation;
    private final Callable<Measurement> work;

    public SimpleContender(String name, Role role, Step preparation, Callable<Measurement> work) {
        this.name = Objects.requireNonNull(name, "name");
        this.role = Objects.requireNonNull(role, "role");
        this.preparation = Objects.requireNonNull(preparation, "preparation");
        this.work = Objects.requireNonNull(work, "work");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Role role() {
        return role;
    }

    @Override
    public void prepare() throws Exception {
        preparation.run();
    }

    @Override
    public Measurement run() throws Exception {
        return work.call();
    }

    @Override
    public String toString() {
        return name;
    }
}
