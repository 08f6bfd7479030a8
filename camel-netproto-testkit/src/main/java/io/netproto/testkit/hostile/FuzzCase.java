package io.netproto.testkit.hostile;

/**
 * One generated conversation: a well-behaved server up to reply number {@code step} (0 = the greeting), which is
 * replaced by a {@link HostileKind} reply. A step beyond the client's last command leaves the conversation valid.
 *
 * @param index  number of the case in its fuzzer's sequence
 * @param seed   seed of the case's own random choices (re-run a case with {@link ReplyFuzzer#replay})
 * @param kind   what goes wrong
 * @param step   which reply goes wrong
 * @param script the server's side of the conversation
 */
public record FuzzCase(int index, long seed, HostileKind kind, int step, Script script) {

    /** Whether the case streams megabytes or waits for a timeout (the expensive kinds). */
    public boolean isHeavy() {
        return kind == HostileKind.OVERLONG_LINE || kind == HostileKind.ENDLESS || kind == HostileKind.HUGE
               || kind == HostileKind.STALL;
    }

    @Override
    public String toString() {
        return "case " + index + " (" + kind + " at reply " + step + ", seed " + seed + ")";
    }
}
