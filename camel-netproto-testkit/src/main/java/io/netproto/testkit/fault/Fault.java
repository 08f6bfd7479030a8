package io.netproto.testkit.fault;

import java.util.Objects;

/**
 * What the proxy does to one connection. A fault fires once {@code afterBytes} bytes have crossed in its direction;
 * everything before that offset is forwarded unchanged.
 *
 * @param kind        what happens
 * @param direction   the direction whose bytes are counted
 * @param afterBytes  the byte offset at which the fault fires
 * @param delayMillis for {@link Kind#DELAY}: how long each chunk is held
 */
public record Fault(Kind kind, Direction direction, long afterBytes, long delayMillis) {

    /** The kinds of fault the proxy injects. */
    public enum Kind {
        /** Nothing: the connection is forwarded faithfully. */
        NONE,
        /** Both sockets are closed normally (FIN) after the offset. */
        DROP,
        /** Both sockets are reset (RST, linger 0) after the offset. */
        RESET,
        /** Nothing more is forwarded in either direction after the offset; the sockets stay open. */
        STALL,
        /** Every chunk in the direction is held for {@code delayMillis} from the offset on; nothing is lost. */
        DELAY,
        /** The first reply chunk at or after the offset is forwarded only in part, then both sockets are closed. */
        CUT_REPLY
    }

    private static final Fault NONE = new Fault(Kind.NONE, Direction.SERVER_TO_CLIENT, 0, 0);

    public Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        if (afterBytes < 0 || delayMillis < 0) {
            throw new IllegalArgumentException("afterBytes and delayMillis must not be negative");
        }
        if (kind == Kind.CUT_REPLY && direction != Direction.SERVER_TO_CLIENT) {
            throw new IllegalArgumentException("CUT_REPLY cuts replies: its direction is SERVER_TO_CLIENT");
        }
    }

    /** @return a fault that does nothing */
    public static Fault none() {
        return NONE;
    }

    /** @return a fault closing the connection once {@code n} bytes crossed in {@code direction} */
    public static Fault dropAfterBytes(Direction direction, long n) {
        return new Fault(Kind.DROP, direction, n, 0);
    }

    /** @return a fault resetting the connection once {@code n} bytes crossed in {@code direction} */
    public static Fault resetAfterBytes(Direction direction, long n) {
        return new Fault(Kind.RESET, direction, n, 0);
    }

    /** @return a fault that stops answering once {@code n} bytes crossed in {@code direction} */
    public static Fault stallAfterBytes(Direction direction, long n) {
        return new Fault(Kind.STALL, direction, n, 0);
    }

    /** @return a fault holding every chunk in {@code direction} for {@code millis} */
    public static Fault delay(Direction direction, long millis) {
        return new Fault(Kind.DELAY, direction, 0, millis);
    }

    /** @return a fault cutting the first reply chunk at or after reply byte {@code n} short, then closing */
    public static Fault cutReply(long n) {
        return new Fault(Kind.CUT_REPLY, Direction.SERVER_TO_CLIENT, n, 0);
    }

    /** @return whether this fault loses the connection (everything but NONE and DELAY) */
    public boolean breaksConnection() {
        return kind != Kind.NONE && kind != Kind.DELAY;
    }
}
