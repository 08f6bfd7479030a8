package io.netproto.testkit.fault;

import java.util.List;
import java.util.Random;

/**
 * Picks faults from a {@link Random} with a fixed seed, so a run can be reproduced: each connection gets a fault with
 * the given probability, of a kind drawn from the given kinds, in a random direction (replies only for
 * {@link Fault.Kind#CUT_REPLY}), at a byte offset below that direction's maximum: requests and replies differ in size
 * by orders of magnitude (a download's commands against its data, an upload's data against its replies). The sequence is reproducible as long as connections are
 * opened in the same order.
 */
public final class SeededFaults implements FaultSource {

    private final long seed;
    private final Random random;
    private final double probability;
    private final long maxRequestOffset;
    private final long maxReplyOffset;
    private final long delayMillis;
    private final List<Fault.Kind> kinds;

    /**
     * @param seed             the random seed
     * @param probability      the chance, 0 to 1, that a connection gets a fault
     * @param maxRequestOffset faults on requests fire at a byte offset in {@code [0, maxRequestOffset)}
     * @param maxReplyOffset   faults on replies fire at a byte offset in {@code [0, maxReplyOffset)}
     * @param delayMillis      how long a {@link Fault.Kind#DELAY} holds each chunk
     * @param kinds            the kinds to draw from, none of them {@link Fault.Kind#NONE}
     */
    public SeededFaults(long seed, double probability, long maxRequestOffset, long maxReplyOffset, long delayMillis,
                        Fault.Kind... kinds) {
        if (probability < 0 || probability > 1 || maxRequestOffset < 1 || maxReplyOffset < 1 || kinds.length == 0) {
            throw new IllegalArgumentException("probability in [0, 1], offsets >= 1 and at least one kind");
        }
        this.seed = seed;
        this.random = new Random(seed);
        this.probability = probability;
        this.maxRequestOffset = maxRequestOffset;
        this.maxReplyOffset = maxReplyOffset;
        this.delayMillis = delayMillis;
        this.kinds = List.of(kinds);
        if (this.kinds.contains(Fault.Kind.NONE)) {
            throw new IllegalArgumentException("NONE is not a fault kind to draw");
        }
    }

    /** @return the seed, to print with a run's figures */
    public long seed() {
        return seed;
    }

    @Override
    public synchronized Fault next(int connection) {
        if (random.nextDouble() >= probability) {
            return Fault.none();
        }
        Fault.Kind kind = kinds.get(random.nextInt(kinds.size()));
        Direction direction = kind == Fault.Kind.CUT_REPLY || random.nextBoolean()
                ? Direction.SERVER_TO_CLIENT : Direction.CLIENT_TO_SERVER;
        long max = direction == Direction.CLIENT_TO_SERVER ? maxRequestOffset : maxReplyOffset;
        long offset = (long) (random.nextDouble() * max);
        return switch (kind) {
            case CUT_REPLY -> Fault.cutReply(offset);
            case DELAY -> new Fault(kind, direction, offset, delayMillis);
            default -> new Fault(kind, direction, offset, 0);
        };
    }
}
