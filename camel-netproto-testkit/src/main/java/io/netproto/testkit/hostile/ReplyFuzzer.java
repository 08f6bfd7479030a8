package io.netproto.testkit.hostile;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * Generates {@link FuzzCase}s for one protocol from its {@link ReplyGrammar}, reproducibly from a seed: which reply
 * of the conversation goes wrong, how (the {@link HostileKind}, weighted towards the cheap kinds), and the details.
 * After a hostile reply the server closes the connection, goes on answering correctly (refusals, unsolicited
 * replies, a quarter of the wrong codes) or stalls.
 */
public final class ReplyFuzzer {

    private static final Map<HostileKind, Integer> WEIGHTS = new EnumMap<>(Map.of(HostileKind.GARBAGE, 180,
            HostileKind.WRONG_CODE, 240, HostileKind.REFUSAL, 160, HostileKind.TRUNCATED, 150, HostileKind.CLOSE, 100,
            HostileKind.UNSOLICITED, 120, HostileKind.OVERLONG_LINE, 4, HostileKind.ENDLESS, 3, HostileKind.HUGE, 12,
            HostileKind.STALL, 3));
    private static final int TOTAL_WEIGHT = WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();

    private final ReplyGrammar grammar;
    private final int maxStep;
    private final Random random;
    private final boolean afterStartTls;
    private int next;

    /**
     * @param grammar the protocol's replies
     * @param seed    the seed of the whole sequence
     * @param maxStep the last reply that may go wrong (the number of commands of the conversation under test)
     */
    public ReplyFuzzer(ReplyGrammar grammar, long seed, int maxStep) {
        this(grammar, seed, maxStep, false);
    }

    /**
     * @param afterStartTls whether each conversation starts in clear text with a valid STARTTLS exchange (SMTP, POP3,
     *                      IMAP; see {@link StartTlsPreamble}) and goes wrong only afterwards, over TLS: the steps
     *                      then count the replies after the upgrade, from 1
     */
    public ReplyFuzzer(ReplyGrammar grammar, long seed, int maxStep, boolean afterStartTls) {
        this.grammar = grammar;
        this.maxStep = maxStep;
        this.random = new Random(seed);
        this.afterStartTls = afterStartTls;
    }

    public ReplyGrammar grammar() {
        return grammar;
    }

    /** The next case of the sequence. */
    public FuzzCase next() {
        long caseSeed = random.nextLong();
        HostileKind kind = pickKind(random.nextInt(TOTAL_WEIGHT));
        int step = afterStartTls ? 1 + random.nextInt(maxStep) : random.nextInt(maxStep + 1);
        return replay(next++, caseSeed, kind, step);
    }

    /** A case of the given kind at the given reply, such as one reported by a failing test. */
    public FuzzCase replay(int index, long caseSeed, HostileKind kind, int step) {
        return new FuzzCase(index, caseSeed, kind, step, conversation -> converse(conversation, new Random(caseSeed), kind, step));
    }

    private static HostileKind pickKind(int roll) {
        int sum = 0;
        for (Map.Entry<HostileKind, Integer> weight : WEIGHTS.entrySet()) {
            sum += weight.getValue();
            if (roll < sum) {
                return weight.getKey();
            }
        }
        return HostileKind.GARBAGE;
    }

    private void converse(Conversation c, Random random, HostileKind kind, int step) throws IOException {
        if (afterStartTls) {
            if (!StartTlsPreamble.run(grammar, c)) {
                return;
            }
        } else if (step == 0 && !misbehave(c, random, kind, null)) {
            return;
        } else if (step != 0) {
            c.send(grammar.greeting());
        }
        int replies = 0;
        String command;
        while ((command = c.readLine()) != null) {
            replies++;
            if (replies == step) {
                if (!misbehave(c, random, kind, command) || grammar.isQuit(command)) {
                    return;
                }
            } else if (!grammar.answer(c, command)) {
                return;
            }
        }
    }

    /**
     * Sends the hostile reply.
     *
     * @return whether the conversation goes on with valid replies
     */
    private boolean misbehave(Conversation c, Random random, HostileKind kind, String command) throws IOException {
        switch (kind) {
            case GARBAGE -> {
                byte[] garbage = new byte[1 + random.nextInt(300)];
                random.nextBytes(garbage);
                c.send(garbage);
                if (random.nextBoolean()) {
                    c.send("\r\n");
                }
                return false;
            }
            case TRUNCATED -> {
                String valid = command == null ? grammar.greeting() : grammar.valid(command);
                c.send(valid.substring(0, random.nextInt(valid.length() - 1)));
                return false;
            }
            case CLOSE -> {
                return false;
            }
            case STALL -> {
                c.stall();
                return false;
            }
            default -> {
                grammar.hostile(kind, random, command).sendTo(c);
                return kind == HostileKind.WRONG_CODE ? random.nextInt(4) == 0
                        : kind == HostileKind.REFUSAL || kind == HostileKind.UNSOLICITED;
            }
        }
    }
}
